import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operators } from '../src/operators/registry.js';
import { check, compileProblems } from './helpers/checks.js';

describe('equals', () => {
  const node = { equals: { path: 'encryption.e2ee', value: 'enforced' } };
  it('passes on the same value', () => {
    expect(check(node, { encryption: { e2ee: 'enforced' } })).toEqual({
      status: 'pass',
      reason: 'encryption.e2ee is enforced',
      path: 'encryption.e2ee',
    });
  });
  it('fails on another value and says what is needed', () => {
    expect(check(node, { encryption: { e2ee: 'optional' } }).reason).toBe(
      'encryption.e2ee is optional, needs enforced',
    );
    expect(check(node, { encryption: { e2ee: 'optional' } }).status).toBe('fail');
  });
  it('is unknown when the value or its section is missing', () => {
    expect(check(node, { encryption: {} })).toMatchObject({
      status: 'unknown',
      reason: 'encryption.e2ee is not given',
    });
    expect(check(node, {}).status).toBe('unknown');
  });
  it('follows the absent policy', () => {
    expect(check({ equals: { ...node.equals, absent: 'fail' } }, {}).status).toBe('fail');
    expect(check({ equals: { ...node.equals, absent: 'pass' } }, {}).status).toBe('pass');
  });
  it('refuses at load time a value the field can never hold', () => {
    expect(compileProblems({ equals: { path: 'encryption.e2ee', value: 'enforce' } })).toEqual([
      'equals on encryption.e2ee: "enforce" can never be a value of this field',
    ]);
    expect(compileProblems({ equals: { path: 'hosting.cloud', value: 'true' } })).toHaveLength(1);
  });
});

describe('one-of', () => {
  const node = { 'one-of': { path: 'encryption.e2ee', values: ['enforced', 'optional'] } };
  it('passes on any listed value and fails otherwise', () => {
    expect(check(node, { encryption: { e2ee: 'optional' } }).status).toBe('pass');
    expect(check(node, { encryption: { e2ee: 'none' } })).toMatchObject({
      status: 'fail',
      reason: 'encryption.e2ee is none, needs one of enforced or optional',
    });
  });
});

describe('includes-any', () => {
  const node = { 'includes-any': { path: 'authentication.mfa', values: ['totp', 'fido2'] } };
  it('passes when one listed value is present', () => {
    expect(check(node, { authentication: { mfa: ['sms', 'totp'] } })).toMatchObject({
      status: 'pass',
      reason: 'authentication.mfa includes totp',
    });
  });
  it('fails naming what is there and what is needed', () => {
    expect(check(node, { authentication: { mfa: ['sms'] } }).reason).toBe(
      'authentication.mfa lists sms only, needs totp or fido2',
    );
    expect(check(node, { authentication: { mfa: [] } })).toMatchObject({
      status: 'fail',
      reason: 'authentication.mfa is empty, needs totp or fido2',
    });
  });
  it('needs a path to a list whose elements can be the values', () => {
    expect(compileProblems({ 'includes-any': { path: 'hosting.cloud', values: ['x'] } })).toEqual([
      'includes-any on hosting.cloud: this operator needs a path to a list',
    ]);
    expect(
      compileProblems({ 'includes-any': { path: 'authentication.mfa', values: ['totp', 'yubikey'] } }),
    ).toHaveLength(1);
  });
});

describe('includes-all', () => {
  const node = { 'includes-all': { path: 'web_interface.file_management', values: ['upload', 'download', 'delete'] } };
  it('passes only when every value is present', () => {
    expect(check(node, { web_interface: { file_management: ['delete', 'download', 'upload', 'share'] } }).status).toBe(
      'pass',
    );
    expect(check(node, { web_interface: { file_management: ['upload'] } })).toMatchObject({
      status: 'fail',
      reason: 'web_interface.file_management lacks download and delete, needs all of upload, download and delete',
    });
  });
});

describe('at-least', () => {
  const node = { 'at-least': { path: 'pricing.trial_days', value: 1 } };
  it('compares numbers', () => {
    expect(check(node, { pricing: { trial_days: 30 } }).status).toBe('pass');
    expect(check(node, { pricing: { trial_days: 1 } }).status).toBe('pass');
    expect(check(node, { pricing: { trial_days: 0 } })).toMatchObject({
      status: 'fail',
      reason: 'pricing.trial_days is 0, needs at least 1',
    });
  });
  it('refuses a path that is not a number', () => {
    expect(compileProblems({ 'at-least': { path: 'hosting.cloud', value: 1 } })).toEqual([
      'at-least on hosting.cloud: this operator needs a path to a number',
    ]);
  });
});

describe('at-most', () => {
  const node = { 'at-most': { path: 'pricing.trial_days', value: 30 } };
  it('compares numbers, the bound included', () => {
    expect(check(node, { pricing: { trial_days: 30 } })).toMatchObject({
      status: 'pass',
      reason: 'pricing.trial_days is 30',
    });
    expect(check(node, { pricing: { trial_days: 0 } }).status).toBe('pass');
    expect(check(node, { pricing: { trial_days: 31 } })).toMatchObject({
      status: 'fail',
      reason: 'pricing.trial_days is 31, needs at most 30',
    });
  });
  it('is unknown when the number is missing, or is not a number in free-form facts', () => {
    expect(check(node, {})).toMatchObject({ status: 'unknown', reason: 'pricing.trial_days is not given' });
    expect(
      check({ 'at-most': { path: 'facts.retention_days', value: 30 } }, { facts: { retention_days: 'a month' } }),
    ).toMatchObject({
      status: 'unknown',
      reason: 'facts.retention_days is a month, not a number',
    });
  });
  it('validates its options and refuses a path that is not a number', () => {
    expect(compileProblems({ 'at-most': { path: 'hosting.cloud', value: 1 } })).toEqual([
      'at-most on hosting.cloud: this operator needs a path to a number',
    ]);
    expect(compileProblems({ 'at-most': { path: 'pricing.trial_days', value: '30' } })).toHaveLength(1);
    expect(compileProblems({ 'at-most': { path: 'pricing.trial_days' } })).toHaveLength(1);
  });
});

describe('count-at-least', () => {
  const independent = { all: [{ equals: { path: 'independent', value: true } }, { 'non-empty': { path: 'report' } }] };
  const counted = { 'count-at-least': { path: 'audits', value: 2, check: independent } };
  const good = (auditor: string) => ({ auditor, date: '2024-01', independent: true, report: 'https://r.org' });
  it('without a check, counts the entries', () => {
    const node = { 'count-at-least': { path: 'source_code.repositories', value: 2 } };
    expect(check(node, { source_code: { repositories: ['https://a.org', 'https://b.org'] } })).toMatchObject({
      status: 'pass',
      reason: 'source_code.repositories lists 2',
    });
    expect(check(node, { source_code: { repositories: ['https://a.org'] } })).toMatchObject({
      status: 'fail',
      reason: 'source_code.repositories lists 1, needs at least 2',
    });
    expect(check(node, { source_code: { repositories: [] } })).toMatchObject({
      status: 'fail',
      reason: 'source_code.repositories is empty, needs at least 2',
    });
    expect(check(node, {}).status).toBe('unknown');
  });
  it('with a check, passes when enough entries pass it, naming them', () => {
    expect(check(counted, { audits: [good('A'), { auditor: 'B', independent: false }, good('C')] })).toMatchObject({
      status: 'pass',
      reason:
        '2 of 3 entries of audits qualify: audits[0].independent is true and audits[0].report is given; audits[2].independent is true and audits[2].report is given',
      path: 'audits',
    });
  });
  it('fails when too few can pass, saying why the others do not', () => {
    expect(
      check(counted, { audits: [good('A'), { auditor: 'B', independent: false, report: 'https://r.org' }] }),
    ).toMatchObject({
      status: 'fail',
      reason: '1 of 2 entries of audits qualifies, needs at least 2: audits[1].independent is false, needs true',
    });
    expect(check(counted, { audits: [good('A')] })).toMatchObject({
      status: 'fail',
      reason: '1 of 1 entry of audits qualifies, needs at least 2',
    });
  });
  it('is unknown when entries that might pass could make up the count (never a false fail)', () => {
    expect(check(counted, { audits: [good('A'), { auditor: 'B', independent: true }] })).toMatchObject({
      status: 'unknown',
      reason: '1 of 2 entries of audits qualifies and 1 may, needs at least 2: audits[1].report is not given',
      path: 'audits.1.report',
    });
  });
  it('compiles the nested check against the entries and validates its options', () => {
    expect(
      compileProblems({
        'count-at-least': { path: 'audits', value: 1, check: { equals: { path: 'independant', value: true } } },
      }),
    ).toEqual(['path "independant" is not a manifest field; did you mean "independent"?']);
    expect(compileProblems({ 'count-at-least': { path: 'hosting.cloud', value: 1 } })).toEqual([
      'count-at-least on hosting.cloud: this operator needs a path to a list',
    ]);
    expect(compileProblems({ 'count-at-least': { path: 'audits', value: 0 } })).toHaveLength(1);
    expect(compileProblems({ 'count-at-least': { path: 'audits', value: 1.5 } })).toHaveLength(1);
  });
});

describe('within', () => {
  const recent = { some: { path: 'audits', check: { within: { path: 'date', duration: '3y' } } } };
  const audit = (date: string) => ({ audits: [{ auditor: 'A', date }] });
  it('passes a date no older than the duration before the evaluation day', () => {
    expect(check(recent, audit('2024-03-15'), '2026-08-01')).toMatchObject({
      status: 'pass',
      reason: 'audits[0].date is 2024-03-15, within 3 years of 2026-08-01',
    });
    expect(check(recent, audit('2023-08-01'), '2026-08-01').status).toBe('pass');
    expect(check(recent, audit('2023-07-31'), '2026-08-01')).toMatchObject({
      status: 'fail',
      reason:
        'no entry of audits qualifies: audits[0].date is 2023-07-31, needs 2023-08-01 or later (3 years before 2026-08-01)',
    });
  });
  it('judges a date known by month or year by its last possible day', () => {
    expect(check(recent, audit('2023-08'), '2026-08-31').status).toBe('pass');
    expect(check(recent, audit('2023-07'), '2026-08-01').status).toBe('fail');
    const facts = (value: unknown) =>
      check({ within: { path: 'facts.last_audit', duration: '18m' } }, { facts: { last_audit: value } }, '2026-06-30');
    expect(facts('2024').status).toBe('pass');
    expect(facts(2024).status).toBe('pass');
    expect(facts('2023').status).toBe('fail');
    expect(facts('2024-13')).toMatchObject({
      status: 'unknown',
      reason: 'facts.last_audit is 2024-13, not a date as YYYY, YYYY-MM or YYYY-MM-DD',
    });
  });
  it('is unknown without an evaluation day, or without the date', () => {
    expect(check({ within: { path: 'reviewed', duration: '1y' } }, { reviewed: '2026-01-01' })).toMatchObject({
      status: 'unknown',
      reason: 'reviewed is 2026-01-01, and no evaluation day was given to judge its age by',
    });
    expect(check({ within: { path: 'reviewed', duration: '1y' } }, {}, '2026-08-01')).toMatchObject({
      status: 'unknown',
      reason: 'reviewed is not given',
    });
  });
  it('takes the evaluation day from evaluate --as-of, through every operator that nests it', () => {
    const node = { not: { all: [{ within: { path: 'reviewed', duration: '90d' } }] } };
    expect(check(node, { reviewed: '2026-05-01' }, '2026-07-30').status).toBe('fail');
    expect(check(node, { reviewed: '2026-05-01' }, '2026-07-31').status).toBe('pass');
  });
  it('validates the duration and refuses a path that is not a date', () => {
    expect(compileProblems({ within: { path: 'reviewed', duration: '3 fortnights' } })).toEqual([
      'expected a duration: a whole number and a unit: d, w, m or y (days, weeks, months, years), e.g. 12m, 1y, 90d',
    ]);
    expect(compileProblems({ within: { path: 'reviewed', duration: '0d' } })).toHaveLength(1);
    expect(compileProblems({ within: { path: 'hosting.cloud', duration: '1y' } })).toEqual([
      'within on hosting.cloud: this operator needs a path to a date',
    ]);
  });
});

describe('non-empty', () => {
  it('passes on a non-empty list or text and fails on an empty one', () => {
    expect(check({ 'non-empty': { path: 'audits' } }, { audits: [{}] }).reason).toBe('audits lists 1');
    expect(check({ 'non-empty': { path: 'audits' } }, { audits: [] })).toMatchObject({
      status: 'fail',
      reason: 'audits is empty, needs at least one entry',
    });
    expect(check({ 'non-empty': { path: 'homepage' } }, { homepage: 'https://x.org' }).reason).toBe(
      'homepage is given',
    );
  });
});

describe('osi-approved', () => {
  const node = { 'osi-approved': { path: 'source_code.license' } };
  const licence = (license: string) => check(node, { source_code: { license } });
  it('passes an OSI-approved licence', () => {
    expect(licence('AGPL-3.0-only')).toMatchObject({
      status: 'pass',
      reason: 'source_code.license AGPL-3.0-only is OSI-approved',
    });
  });
  it('fails a source-available licence', () => {
    expect(licence('BUSL-1.1')).toMatchObject({
      status: 'fail',
      reason: 'source_code.license BUSL-1.1: BUSL-1.1 is not OSI-approved, needs an OSI-approved licence',
    });
    expect(licence('SSPL-1.0').status).toBe('fail');
    expect(licence('Elastic-2.0').status).toBe('fail');
  });
  it('needs one approved choice of an OR and both sides of an AND', () => {
    expect(licence('MIT OR BUSL-1.1').status).toBe('pass');
    expect(licence('MIT AND BUSL-1.1')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('BUSL-1.1 is not'),
    });
    expect(licence('(MIT AND BUSL-1.1) OR Apache-2.0').status).toBe('pass');
    expect(licence('Apache-2.0 WITH LLVM-exception').status).toBe('pass');
  });
});

describe('all and any (three-valued)', () => {
  const yes = { equals: { path: 'hosting.cloud', value: true } };
  const no = { equals: { path: 'hosting.self_hostable', value: true } };
  const unknown = { equals: { path: 'encryption.e2ee', value: 'enforced' } };
  const manifest = { hosting: { cloud: true, self_hostable: false } };
  const status = (node: unknown) => check(node, manifest).status;
  it('all: one fail decides, else one unknown leaves it unknown', () => {
    expect(status({ all: [yes, yes] })).toBe('pass');
    expect(status({ all: [yes, unknown, no] })).toBe('fail');
    expect(status({ all: [yes, unknown] })).toBe('unknown');
  });
  it('any: one pass decides, else one unknown leaves it unknown', () => {
    expect(status({ any: [no, unknown, yes] })).toBe('pass');
    expect(status({ any: [no, unknown] })).toBe('unknown');
    expect(status({ any: [no, no] })).toBe('fail');
  });
  it('gives the reasons that explain the status', () => {
    expect(check({ all: [yes, no] }, manifest).reason).toBe('hosting.self_hostable is false, needs true');
    expect(check({ any: [no, unknown] }, manifest).reason).toBe(
      'hosting.self_hostable is false, needs true; or encryption.e2ee is not given',
    );
  });
  it('points at the field that decided', () => {
    expect(check({ all: [yes, no] }, manifest).path).toBe('hosting.self_hostable');
  });
});

describe('not', () => {
  it('inverts pass and fail and keeps unknown', () => {
    const node = { not: { equals: { path: 'encryption.e2ee', value: 'none' } } };
    expect(check(node, { encryption: { e2ee: 'none' } })).toMatchObject({
      status: 'fail',
      reason: 'encryption.e2ee is none, which must not be the case',
    });
    expect(check(node, { encryption: { e2ee: 'optional' } })).toMatchObject({
      status: 'pass',
      reason: 'encryption.e2ee is optional',
    });
    expect(check(node, {}).status).toBe('unknown');
  });
});

describe('some and every', () => {
  const audit = { all: [{ equals: { path: 'independent', value: true } }, { 'non-empty': { path: 'report' } }] };
  const some = { some: { path: 'audits', check: audit } };
  const every = {
    every: { path: 'source_code.components', check: { 'osi-approved': { path: 'license' } }, absent: 'pass' },
  };
  it('some: an element passing decides, paths inside are relative to the element', () => {
    const manifest = {
      audits: [
        { auditor: 'A', independent: false },
        { auditor: 'B', independent: true, report: 'https://r.org' },
      ],
    };
    expect(check(some, manifest)).toMatchObject({
      status: 'pass',
      reason: 'audits[1].independent is true and audits[1].report is given',
      path: 'audits.1.independent',
    });
  });
  it('some: fails on an empty list and when no element qualifies', () => {
    expect(check(some, { audits: [] })).toMatchObject({ status: 'fail', reason: 'audits is empty' });
    expect(check(some, { audits: [{ independent: false, report: 'https://r.org' }] })).toMatchObject({
      status: 'fail',
      reason: 'no entry of audits qualifies: audits[0].independent is false, needs true',
    });
  });
  it('some: unknown when an element might qualify', () => {
    expect(check(some, { audits: [{ report: 'https://r.org' }] }).status).toBe('unknown');
  });
  it('every: passes when all pass, or on an absent list with absent: pass', () => {
    expect(check(every, {}).status).toBe('pass');
    expect(
      check(every, { source_code: { components: [{ license: 'MIT' }, { license: 'GPL-2.0-only' }] } }).status,
    ).toBe('pass');
    expect(check(every, { source_code: { components: [{ license: 'MIT' }, { license: 'SSPL-1.0' }] } })).toMatchObject({
      status: 'fail',
      reason:
        'not every entry of source_code.components qualifies: source_code.components[1].license SSPL-1.0: SSPL-1.0 is not OSI-approved, needs an OSI-approved licence',
    });
  });
  it('checks paths inside against the element schema', () => {
    expect(
      compileProblems({ some: { path: 'audits', check: { equals: { path: 'independant', value: true } } } }),
    ).toEqual(['path "independant" is not a manifest field; did you mean "independent"?']);
    expect(compileProblems({ some: { path: 'hosting.cloud', check: { equals: { path: 'x', value: true } } } })).toEqual(
      ['some needs a path to a list'],
    );
  });
});

describe('check nodes', () => {
  it('refuse an unknown operator with a suggestion', () => {
    expect(compileProblems({ equal: { path: 'hosting.cloud', value: true } })[0]).toMatch(
      /^unknown operator "equal"; did you mean "equals"\?/,
    );
  });
  it('refuse a node with two operators', () => {
    expect(compileProblems({ equals: {}, not: {} })[0]).toMatch(/exactly one operator, found equals, not/);
  });
  it('refuse a path that is not a manifest field', () => {
    expect(compileProblems({ equals: { path: 'encryption.e2e', value: 'none' } })).toEqual([
      'path "encryption.e2e" is not a manifest field; did you mean "encryption.e2ee"?',
    ]);
  });
  it('accept any key under the free-form facts', () => {
    expect(compileProblems({ equals: { path: 'facts.offline_mode', value: true } })).toEqual([]);
  });
});

describe('the operator registry', () => {
  it('holds every operator file and each under its own name', () => {
    const support = new Set([
      'operator.ts',
      'registry.ts',
      'compile.ts',
      'combine.ts',
      'quantifier.ts',
      'list-value.ts',
    ]);
    const files = readdirSync(new URL('../src/operators/', import.meta.url))
      .filter((file) => !support.has(file))
      .map((file) => file.replace(/\.ts$/, ''));
    expect([...operators.keys()].sort()).toEqual(files.sort());
    for (const [name, operator] of operators) expect(operator.name).toBe(name);
  });

  it('gives every operator its own summary, description and wording, so a new operator is its file plus the registry line', () => {
    for (const [name, operator] of operators) {
      expect(operator.summary, name).not.toBe('');
      expect(typeof operator.describe, name).toBe('function');
      expect(typeof operator.explain, name).toBe('function');
    }
    // The engine words only its own findings: no operator's code is spelled out there.
    const engineWords = readFileSync(new URL('../src/engine/findings.ts', import.meta.url), 'utf8');
    for (const name of operators.keys()) expect(engineWords, name).not.toContain(`'${name}'`);
  });
});
