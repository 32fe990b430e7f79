import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../src/index.js';
import { describeCheck } from '../src/engine/describe-check.js';
import { compileCheck, type CheckProblem } from '../src/operators/compile.js';
import { manifestSchema } from '../src/schema/manifest.js';

function compiled(node: unknown) {
  const problems: CheckProblem[] = [];
  const check = compileCheck(node, ['check'], { schema: manifestSchema }, problems);
  if (!check) throw new Error(problems.map((problem) => problem.message).join('; '));
  return check;
}

describe('describeCheck', () => {
  it.each([
    [{ equals: { path: 'encryption.e2ee', value: 'enforced' } }, 'encryption.e2ee is "enforced"'],
    [
      { 'one-of': { path: 'encryption.e2ee', values: ['enforced', 'optional'] } },
      'encryption.e2ee is one of "enforced", "optional"',
    ],
    [{ 'at-least': { path: 'pricing.trial_days', value: 7 } }, 'pricing.trial_days is at least 7'],
    [
      { 'includes-all': { path: 'web_interface.file_management', values: ['upload', 'delete'] } },
      'web_interface.file_management includes all of upload, delete',
    ],
    [
      { 'non-empty': { path: 'source_code.repositories', absent: 'fail' } },
      'source_code.repositories is given and not empty (fails when source_code.repositories is not given)',
    ],
    [{ not: { equals: { path: 'hosting.cloud', value: true } } }, 'not (hosting.cloud is true)'],
    [{ 'at-most': { path: 'pricing.trial_days', value: 30 } }, 'pricing.trial_days is at most 30'],
    [{ within: { path: 'reviewed', duration: '18m' } }, 'reviewed is no older than 18 months'],
    [{ 'count-at-least': { path: 'source_code.repositories', value: 2 } }, 'source_code.repositories lists at least 2'],
    [
      { 'count-at-least': { path: 'audits', value: 2, check: { within: { path: 'date', duration: '3y' } } } },
      'at least 2 entries of audits have: date is no older than 3 years',
    ],
    [
      {
        any: [
          { equals: { path: 'pricing.free_plan', value: true } },
          { 'at-least': { path: 'pricing.trial_days', value: 1 } },
        ],
      },
      'any of: (pricing.free_plan is true) or (pricing.trial_days is at least 1)',
    ],
    [
      { every: { path: 'source_code.components', absent: 'pass', check: { 'osi-approved': { path: 'license' } } } },
      'every entry of source_code.components has: license is an OSI-approved licence expression (passes when source_code.components is not given)',
    ],
  ])('%j', (node, words) => {
    expect(describeCheck(compiled(node))).toBe(words);
  });

  it('renders nested checks through every level', () => {
    const node = {
      some: {
        path: 'audits',
        check: { all: [{ equals: { path: 'independent', value: true } }, { 'non-empty': { path: 'report' } }] },
      },
    };
    expect(describeCheck(compiled(node))).toBe(
      'some entry of audits has: all of: (independent is true); (report is given and not empty)',
    );
  });

  it('describes every check of the shipped criteria set', async () => {
    const set = await loadCriteria('photo-management');
    for (const criterion of set.criteria) expect(describeCheck(criterion.check)).toMatch(/\w/);
  });
});
