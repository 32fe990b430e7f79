import type { CriteriaSet, Criterion } from '../load/criteria.js';
import type { CompiledCheck, Context, ManifestPath, Outcome } from '../operators/operator.js';
import type { Level } from '../schema/criteria.js';
import { describeFinding, type Finding } from './findings.js';

export type ResultStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';
export type Verdict = 'meets-minimum' | 'fails-minimum' | 'incomplete';

export interface CriterionResult {
  criterion: string;
  level: Level;
  status: ResultStatus;
  reason: string;
  finding: Finding;
  /** The manifest path the result is about. */
  path: ManifestPath;
  /** Every manifest path the result relied on. */
  reads: ManifestPath[];
}

export interface Evaluation {
  criteria: string;
  verdict: Verdict;
  bestCase: { passed: number; total: number };
  results: CriterionResult[];
}

/** Evaluates one manifest (already validated) against a criteria set. Pure: no I/O. */
export function evaluateManifest(set: CriteriaSet, manifest: unknown): Evaluation {
  const results = set.criteria.map((criterion) => evaluateCriterion(criterion, manifest));
  return { criteria: set.id, verdict: verdictOf(results), bestCase: bestCaseOf(results), results };
}

export function evaluateCriterion(criterion: Criterion, manifest: unknown): CriterionResult {
  const base = { criterion: criterion.id, level: criterion.level };
  if (criterion.appliesWhen) {
    const condition = runCheck(criterion.appliesWhen, manifest, []);
    if (condition.status !== 'pass') {
      const finding: Finding =
        condition.status === 'fail'
          ? { code: 'not-applicable', condition: condition.finding }
          : { code: 'applicability-unknown', condition: condition.finding };
      const status = condition.status === 'fail' ? 'not-applicable' : 'unknown';
      return { ...base, status, finding, reason: describeFinding(finding), path: condition.path, reads: condition.reads };
    }
  }
  const outcome = runCheck(criterion.check, manifest, []);
  return { ...base, status: outcome.status, finding: outcome.finding, reason: describeFinding(outcome.finding), path: outcome.path, reads: outcome.reads };
}

export function runCheck(check: CompiledCheck, scope: unknown, prefix: ManifestPath): Outcome {
  const ctx: Context = { scope, prefix, run: runCheck };
  return check.operator.evaluate(check.options, ctx, check.children);
}

export function verdictOf(results: readonly { level: Level; status: ResultStatus }[]): Verdict {
  const minimum = results.filter((result) => result.level === 'minimum');
  if (minimum.some((result) => result.status === 'fail')) return 'fails-minimum';
  if (minimum.some((result) => result.status === 'unknown')) return 'incomplete';
  return 'meets-minimum';
}

function bestCaseOf(results: readonly CriterionResult[]): { passed: number; total: number } {
  const applicable = results.filter((result) => result.level === 'best-case' && result.status !== 'not-applicable');
  return { passed: applicable.filter((result) => result.status === 'pass').length, total: applicable.length };
}
