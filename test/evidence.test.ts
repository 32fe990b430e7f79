import { describe, expect, it } from 'vitest';
import { dateBefore, isIsoDate, parseAge } from '../src/engine/dates.js';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { type CriteriaSet, parseCriteria } from '../src/load/criteria.js';
import { inlineSet } from './helpers/inline-set.js';

function criteria(extra: string, evidence = 'required'): CriteriaSet {
  return inlineSet(`${extra}
criteria:
  - id: hosted-e2ee
    level: minimum
    evidence: ${evidence}
    text: Hosted services must enforce E2EE.
    judged: when hosting.cloud is true, encryption.e2ee is enforced
    applies_when: { equals: { path: hosting.cloud, value: true } }
    check: { equals: { path: encryption.e2ee, value: enforced } }
  - id: free
    level: minimum
    evidence: ${evidence}
    text: Must be free to try.
    judged: a free plan, or a trial given as a fact
    check:
      any:
        - equals: { path: pricing.free_plan, value: true }
        - equals: { path: facts.trial, value: true }
  - id: audit
    level: best-case
    evidence: ${evidence}
    text: Should be audited.
    judged: some audit is independent
    check: { some: { path: audits, check: { equals: { path: independent, value: true } } } }
`);
}

const byId = (evaluation: ReturnType<typeof evaluateManifest>) =>
  Object.fromEntries(evaluation.results.map((result) => [result.criterion, result]));

describe('evidence: required', () => {
  const set = criteria('');
  it('makes a decided result resting on an unsourced section unknown, naming the section', () => {
    const results = byId(evaluateManifest(set, { pricing: { free_plan: true } }));
    expect(results.free).toMatchObject({
      status: 'unknown',
      reason: 'no source for pricing (pricing.free_plan is true)',
      path: ['pricing'],
    });
  });
  it('keeps the result when the section has sources', () => {
    const results = byId(
      evaluateManifest(set, { pricing: { free_plan: true, sources: ['https://example.org/pricing'] } }),
    );
    expect(results.free).toMatchObject({ status: 'pass', reason: 'pricing.free_plan is true' });
  });
  it('turns a fail into unknown too: an unsourced "no" is not known either', () => {
    const results = byId(
      evaluateManifest(set, { hosting: { cloud: true, sources: ['https://h'] }, encryption: { e2ee: 'none' } }),
    );
    expect(results['hosted-e2ee']).toMatchObject({
      status: 'unknown',
      reason: 'no source for encryption (encryption.e2ee is none, needs enforced)',
    });
  });
  it('needs a source for the claim that makes a criterion not applicable', () => {
    const results = byId(evaluateManifest(set, { hosting: { cloud: false } }));
    expect(results['hosted-e2ee']).toMatchObject({
      status: 'unknown',
      reason: 'no source for hosting (does not apply: hosting.cloud is false)',
    });
  });
  it('needs a source for the condition when the criterion applies', () => {
    const results = byId(
      evaluateManifest(set, { hosting: { cloud: true }, encryption: { e2ee: 'enforced', sources: ['https://e'] } }),
    );
    expect(results['hosted-e2ee']).toMatchObject({
      status: 'unknown',
      reason: 'no source for hosting (encryption.e2ee is enforced)',
    });
  });
  it('does not count values that are not given as claims', () => {
    const results = byId(evaluateManifest(set, { pricing: { free_plan: true, sources: ['https://p'] } }));
    expect(results.free?.status).toBe('pass');
  });
  it('relies only on the branch of `any` that passed', () => {
    const results = byId(
      evaluateManifest(set, { pricing: { free_plan: true, sources: ['https://p'] }, facts: { trial: false } }),
    );
    expect(results.free?.status).toBe('pass');
  });
  it('sources facts from the top-level sources.facts', () => {
    const unsourced = byId(
      evaluateManifest(set, { pricing: { free_plan: false, sources: ['https://p'] }, facts: { trial: true } }),
    );
    expect(unsourced.free).toMatchObject({ status: 'unknown', reason: 'no source for facts (facts.trial is true)' });
    const sourced = byId(
      evaluateManifest(set, {
        pricing: { free_plan: false, sources: ['https://p'] },
        facts: { trial: true },
        sources: { facts: ['https://f'] },
      }),
    );
    expect(sourced.free?.status).toBe('pass');
  });
  it("takes an audit's report URL or its sources as its evidence", () => {
    const withReport = byId(
      evaluateManifest(set, { audits: [{ auditor: 'A', date: '2025-01', independent: true, report: 'https://r' }] }),
    );
    expect(withReport.audit?.status).toBe('pass');
    const withSources = byId(
      evaluateManifest(set, { audits: [{ auditor: 'A', date: '2025-01', independent: true, sources: ['https://s'] }] }),
    );
    expect(withSources.audit?.status).toBe('pass');
    const bare = byId(evaluateManifest(set, { audits: [{ auditor: 'A', date: '2025-01', independent: true }] }));
    expect(bare.audit).toMatchObject({ status: 'unknown', path: ['audits'] });
    expect(bare.audit?.reason).toMatch(/^no source for audits and audits\[0\] \(/);
  });
  it('needs the top-level sources.audits for an explicit "none" (audits: [])', () => {
    expect(byId(evaluateManifest(set, { audits: [] })).audit).toMatchObject({
      status: 'unknown',
      reason: 'no source for audits (audits is empty)',
    });
    expect(byId(evaluateManifest(set, { audits: [], sources: { audits: ['https://none'] } })).audit?.status).toBe(
      'fail',
    );
  });
  it('leaves unknown results as they are', () => {
    expect(byId(evaluateManifest(set, {})).free).toMatchObject({
      status: 'unknown',
      reason: 'pricing.free_plan is not given; or facts.trial is not given',
    });
  });
  it('is off for optional criteria unless requireEvidence asks for it', () => {
    const optional = criteria('', 'optional');
    expect(byId(evaluateManifest(optional, { pricing: { free_plan: true } })).free?.status).toBe('pass');
    expect(
      byId(evaluateManifest(optional, { pricing: { free_plan: true } }, { requireEvidence: true })).free?.status,
    ).toBe('unknown');
  });
});

describe('staleness', () => {
  const set = criteria('max_age: 12 months', 'optional');
  const manifest = {
    reviewed: '2025-03-01',
    pricing: { free_plan: true, sources: ['https://p'] },
    hosting: { cloud: true, sources: [{ url: 'https://h', retrieved: '2026-05-01' }] },
    encryption: { e2ee: 'enforced', sources: ['https://e'] },
  };
  it('is not judged without an as-of date (the engine has no clock)', () => {
    expect(evaluateManifest(set, manifest).results.some((result) => result.stale)).toBe(false);
  });
  it('marks results built on evidence older than max_age, keeping their status', () => {
    const results = byId(evaluateManifest(set, manifest, { asOf: '2026-03-02' }));
    expect(results.free).toMatchObject({
      status: 'pass',
      stale: { reason: 'evidence older than 12 months on 2026-03-02: pricing checked 2025-03-01' },
    });
  });
  it('is not stale on the last day within max_age', () => {
    expect(byId(evaluateManifest(set, manifest, { asOf: '2026-03-01' })).free?.stale).toBeUndefined();
  });
  it("uses a source's retrieved date for the claims it backs", () => {
    const results = byId(evaluateManifest(set, manifest, { asOf: '2026-06-01' }));
    // hosting was retrieved 2026-05-01; encryption falls back to reviewed 2025-03-01.
    expect(results['hosted-e2ee']?.stale).toEqual({
      reason: 'evidence older than 12 months on 2026-06-01: encryption checked 2025-03-01',
    });
  });
  it('calls evidence with no date at all stale', () => {
    const results = byId(evaluateManifest(set, { pricing: { free_plan: true } }, { asOf: '2026-06-01' }));
    expect(results.free?.stale).toEqual({
      reason: 'evidence older than 12 months on 2026-06-01: pricing with no reviewed or retrieved date',
    });
  });
  it('never flags unknown results, and is off without max_age', () => {
    expect(byId(evaluateManifest(set, { reviewed: '2000-01-01' }, { asOf: '2026-06-01' })).free?.stale).toBeUndefined();
    expect(
      byId(evaluateManifest(criteria('', 'optional'), manifest, { asOf: '2030-01-01' })).free?.stale,
    ).toBeUndefined();
  });
});

describe('waivers', () => {
  const set = criteria('', 'optional');
  const waiver = (criterion: string, expires = '2026-12-31') => ({
    criterion,
    reason: 'being fixed',
    approved_by: 'Lead',
    expires,
  });
  const failing = { hosting: { cloud: true }, encryption: { e2ee: 'none' }, pricing: { free_plan: true } };
  it('turns a failing result into waived, never pass, with the waiver and the original reason', () => {
    const evaluation = evaluateManifest(set, { ...failing, waivers: [waiver('hosted-e2ee')] }, { asOf: '2026-06-01' });
    expect(byId(evaluation)['hosted-e2ee']).toMatchObject({
      status: 'waived',
      reason: 'encryption.e2ee is none, needs enforced',
      waiver: { reason: 'being fixed', approved_by: 'Lead', expires: '2026-12-31' },
    });
    expect(evaluation.verdict).toBe('meets-minimum');
    expect(evaluation.waiverNotes).toEqual([]);
  });
  it('applies on its expiry day and not after, noting the expired waiver', () => {
    const manifest = { ...failing, waivers: [waiver('hosted-e2ee', '2026-06-01')] };
    expect(byId(evaluateManifest(set, manifest, { asOf: '2026-06-01' }))['hosted-e2ee']?.status).toBe('waived');
    const late = evaluateManifest(set, manifest, { asOf: '2026-06-02' });
    expect(byId(late)['hosted-e2ee']?.status).toBe('fail');
    expect(late.verdict).toBe('fails-minimum');
    expect(late.waiverNotes).toEqual([
      { code: 'expired', index: 0, criterion: 'hosted-e2ee', expires: '2026-06-01', asOf: '2026-06-02' },
    ]);
  });
  it('notes a waiver for a criterion that passes or does not apply as unused', () => {
    const evaluation = evaluateManifest(
      set,
      { hosting: { cloud: false }, pricing: { free_plan: true }, waivers: [waiver('free'), waiver('hosted-e2ee')] },
      { asOf: '2026-06-01' },
    );
    expect(evaluation.waiverNotes).toEqual([
      { code: 'unused', index: 0, criterion: 'free', status: 'pass' },
      { code: 'unused', index: 1, criterion: 'hosted-e2ee', status: 'not-applicable' },
    ]);
    expect(byId(evaluation).free?.status).toBe('pass');
  });
  it('notes a second waiver for the same criterion as unused', () => {
    const evaluation = evaluateManifest(
      set,
      { ...failing, waivers: [waiver('hosted-e2ee'), waiver('hosted-e2ee')] },
      { asOf: '2026-06-01' },
    );
    expect(evaluation.waiverNotes).toEqual([{ code: 'duplicate', index: 1, criterion: 'hosted-e2ee', applied: 0 }]);
  });
  it('names an unknown criterion with a did-you-mean', () => {
    const evaluation = evaluateManifest(set, { ...failing, waivers: [waiver('hosted-e2e')] }, { asOf: '2026-06-01' });
    expect(evaluation.waiverNotes).toEqual([
      { code: 'unknown-criterion', index: 0, criterion: 'hosted-e2e', criteria: 'inline', suggestion: 'hosted-e2ee' },
    ]);
  });
  it('can waive an unknown result, and is ignored entirely with waivers: false or without an as-of date', () => {
    const unknown = evaluateManifest(set, { waivers: [waiver('free')] }, { asOf: '2026-06-01' });
    expect(byId(unknown).free?.status).toBe('waived');
    const off = evaluateManifest(
      set,
      { ...failing, waivers: [waiver('hosted-e2e'), waiver('hosted-e2ee')] },
      { asOf: '2026-06-01', waivers: false },
    );
    expect(byId(off)['hosted-e2ee']?.status).toBe('fail');
    expect(off.waiverNotes).toEqual([]);
    expect(byId(evaluateManifest(set, { ...failing, waivers: [waiver('hosted-e2ee')] }))['hosted-e2ee']?.status).toBe(
      'fail',
    );
  });
  it('does not count a waived best-case criterion as passed', () => {
    const evaluation = evaluateManifest(set, { audits: [], waivers: [waiver('audit')] }, { asOf: '2026-06-01' });
    expect(evaluation.bestCase).toEqual({ passed: 0, total: 1 });
  });
});

describe('dates', () => {
  it('parses max_age', () => {
    expect(parseAge('12 months')).toEqual({ count: 12, unit: 'month' });
    expect(parseAge('1 year')).toEqual({ count: 1, unit: 'year' });
    expect(parseAge('12months')).toBeUndefined();
    expect(parseAge('0 days')).toBeUndefined();
  });
  it('steps back by calendar units, landing on the last day of a shorter month', () => {
    expect(dateBefore('2026-03-31', { count: 1, unit: 'month' })).toBe('2026-02-28');
    expect(dateBefore('2024-02-29', { count: 1, unit: 'year' })).toBe('2023-02-28');
    expect(dateBefore('2026-01-05', { count: 2, unit: 'week' })).toBe('2025-12-22');
    expect(dateBefore('2026-03-01', { count: 1, unit: 'day' })).toBe('2026-02-28');
  });
  it('knows real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
});

describe('criteria options', () => {
  it('refuses a max_age that is not a number and a unit', () => {
    const load = parseCriteria(
      'bad.yaml',
      'pgcheck_criteria: 1\nid: x\ntitle: X\nsource: https://e.org\nrevision: 2026-01-01\nmax_age: a year\ncriteria:\n  - { id: a, level: minimum, text: t, judged: j, check: { non-empty: { path: audits } } }\n',
    );
    expect(load.ok ? [] : load.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      '6:10: max_age: expected a whole number and a unit, e.g. 12 months, 90 days, 2 weeks or 1 year, got "a year"',
    ]);
  });
});
