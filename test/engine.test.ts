import { describe, expect, it } from 'vitest';
import { evaluateManifest, verdictOf } from '../src/engine/evaluate.js';
import { inlineSet } from './helpers/inline-set.js';

const set = inlineSet(`criteria:
  - id: hosted-e2ee
    level: minimum
    text: Hosted services must enforce E2EE.
    judged: when hosting.cloud is true, encryption.e2ee is enforced
    applies_when: { equals: { path: hosting.cloud, value: true } }
    check: { equals: { path: encryption.e2ee, value: enforced } }
  - id: audit
    level: best-case
    text: Should be audited.
    judged: audits is not empty
    check: { non-empty: { path: audits } }
`);

describe('applies_when', () => {
  it('makes a criterion not-applicable when its condition fails', () => {
    const [result] = evaluateManifest(set, { hosting: { cloud: false } }).results;
    expect(result).toMatchObject({ status: 'not-applicable', reason: 'does not apply: hosting.cloud is false' });
  });
  it('leaves it unknown when the condition cannot be decided', () => {
    const [result] = evaluateManifest(set, { encryption: { e2ee: 'none' } }).results;
    expect(result).toMatchObject({
      status: 'unknown',
      reason: 'unknown whether it applies: hosting.cloud is not given',
    });
  });
  it('runs the check when the condition holds', () => {
    const [result] = evaluateManifest(set, { hosting: { cloud: true }, encryption: { e2ee: 'optional' } }).results;
    expect(result).toMatchObject({
      status: 'fail',
      reason: 'encryption.e2ee is optional, needs enforced',
      path: ['encryption', 'e2ee'],
    });
  });
});

describe('verdict', () => {
  const minimum = (status: 'pass' | 'fail' | 'unknown' | 'not-applicable') => ({ level: 'minimum' as const, status });
  const bestCase = (status: 'pass' | 'fail' | 'unknown' | 'not-applicable') => ({
    level: 'best-case' as const,
    status,
  });
  it('meets the minimum when every minimum criterion passes or does not apply', () => {
    expect(verdictOf([minimum('pass'), minimum('not-applicable')])).toBe('meets-minimum');
  });
  it('fails the minimum on any failing minimum criterion, even with unknowns', () => {
    expect(verdictOf([minimum('unknown'), minimum('fail'), minimum('pass')])).toBe('fails-minimum');
  });
  it('is incomplete with unknowns and no failure', () => {
    expect(verdictOf([minimum('unknown'), minimum('pass')])).toBe('incomplete');
  });
  it('is never changed by best-case criteria', () => {
    expect(verdictOf([minimum('pass'), bestCase('fail')])).toBe('meets-minimum');
    expect(verdictOf([minimum('pass'), bestCase('unknown')])).toBe('meets-minimum');
  });
});

describe('best case count', () => {
  it('counts passing best-case criteria out of the applicable ones', () => {
    expect(evaluateManifest(set, { audits: [{}] }).bestCase).toEqual({ passed: 1, total: 1 });
    expect(evaluateManifest(set, { audits: [] }).bestCase).toEqual({ passed: 0, total: 1 });
  });
});
