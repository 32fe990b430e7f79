import type { CriteriaSet, Criterion } from '../load/criteria.js';
import type { CompiledCheck, Context, Outcome } from '../operators/operator.js';
import type { Path } from '../path.js';
import type { Level } from '../schema/criteria.js';
import { dateBefore, parseAge } from './dates.js';
import { sourceUrls, subjectsOf, type Subject } from './evidence.js';
import { describeFinding, describeStaleness, type Finding, type WaiverNote } from './findings.js';
import { applyWaivers, type Waiver } from './waivers.js';

export type ResultStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';
export type Verdict = 'meets-minimum' | 'fails-minimum' | 'incomplete';

export interface CriterionResult {
  criterion: string;
  level: Level;
  /** `waived` only when a manifest waiver covers a result that is not a pass. */
  status: ResultStatus | 'waived';
  reason: string;
  finding: Finding;
  /** Set when the evidence behind the result is older than the criteria set's max_age. */
  stale?: { reason: string };
  waiver?: Omit<Waiver, 'criterion'>;
  /** The manifest path the result is about. */
  path: Path;
  /** Every manifest path the result relied on. */
  reads: Path[];
  /** The URLs of the sources behind the claims the result relied on (those evidence checking looks at). */
  sources: string[];
}

export interface Evaluation {
  criteria: string;
  verdict: Verdict;
  bestCase: { passed: number; total: number };
  results: CriterionResult[];
  /** Waivers that did not apply, and why. */
  waiverNotes: WaiverNote[];
}

export interface EvaluateOptions {
  /**
   * The day to evaluate as of (YYYY-MM-DD). Staleness and waiver expiry are judged against it. The
   * library's `evaluate` defaults it to today; the engine itself has no clock, so here without it
   * neither is checked and waivers are not applied.
   */
  asOf?: string;
  /** Require a source for every claim, whatever each criterion says. */
  requireEvidence?: boolean;
  /** Apply the manifest's waivers (default true; needs asOf). */
  waivers?: boolean;
}

/** Evaluates one manifest (already validated) against a criteria set. Pure: no I/O, no clock. */
export function evaluateManifest(set: CriteriaSet, manifest: unknown, options: EvaluateOptions = {}): Evaluation {
  const cutoff = options.asOf && set.max_age ? cutoffOf(options.asOf, set.max_age) : undefined;
  const checked = set.criteria.map((criterion) => {
    const result = evaluateCriterion(criterion, manifest, options.asOf);
    const subjects = subjectsOf(manifest, result.reads, { factByFact: set.facts !== undefined });
    const sourced = criterion.evidenceRequired || options.requireEvidence ? withEvidence(result, subjects) : result;
    // An unknown result decides nothing, so there is no verdict for old evidence to undermine.
    const stale =
      cutoff !== undefined && sourced.status !== 'unknown'
        ? stalenessOf(subjects, cutoff, options.asOf as string, set.max_age as string)
        : undefined;
    if (stale) sourced.stale = stale;
    sourced.sources = sourceUrls(subjects);
    return sourced;
  });
  const waivers = options.asOf && options.waivers !== false ? waiversOf(manifest) : [];
  const { results, notes } =
    waivers.length > 0 && options.asOf
      ? applyWaivers(checked, waivers, { asOf: options.asOf, criteria: set.id })
      : { results: checked, notes: [] };
  return { criteria: set.id, verdict: verdictOf(results), bestCase: bestCaseOf(results), results, waiverNotes: notes };
}

/** A decided result that rests on a claim with no source is unknown: the claim may be true, but nothing shows it. */
function withEvidence(result: CriterionResult, subjects: Subject[]): CriterionResult {
  const unsourced = subjects.filter((subject) => !subject.sourced);
  const [first] = unsourced;
  if (result.status === 'unknown' || !first) return result;
  const finding: Finding = {
    code: 'no-source',
    subjects: unsourced.map((subject) => subject.name),
    claim: result.finding,
  };
  return resultOf(result.criterion, result.level, {
    status: 'unknown',
    finding,
    path: first.path,
    reads: result.reads,
  });
}

function stalenessOf(
  subjects: Subject[],
  cutoff: string,
  asOf: string,
  maxAge: string,
): { reason: string } | undefined {
  const old = subjects.filter((subject) => subject.checked === undefined || subject.checked < cutoff);
  if (old.length === 0) return undefined;
  return {
    reason: describeStaleness({
      maxAge,
      asOf,
      subjects: old.map(({ name, checked }) => (checked ? { name, checked } : { name })),
    }),
  };
}

// The same for every criterion of every manifest in a run; worth computing once in a batch.
const cutoffs = new Map<string, string | undefined>();

/** The day before which evidence is stale, or undefined for a max_age the schema would refuse. */
function cutoffOf(asOf: string, maxAge: string): string | undefined {
  const key = `${asOf} ${maxAge}`;
  if (!cutoffs.has(key)) {
    const age = parseAge(maxAge);
    cutoffs.set(key, age ? dateBefore(asOf, age) : undefined);
  }
  return cutoffs.get(key);
}

function waiversOf(manifest: unknown): Waiver[] {
  const waivers = (manifest as { waivers?: unknown } | null)?.waivers;
  return Array.isArray(waivers) ? (waivers as Waiver[]) : [];
}

/** `asOf` is the evaluation day, for checks on dates (`within`); without it they are unknown. */
export function evaluateCriterion(criterion: Criterion, manifest: unknown, asOf?: string): CriterionResult {
  const condition = criterion.appliesWhen && runCheck(criterion.appliesWhen, manifest, [], asOf);
  if (condition && condition.status !== 'pass') {
    const finding: Finding =
      condition.status === 'fail'
        ? { code: 'not-applicable', condition: condition.finding }
        : { code: 'applicability-unknown', condition: condition.finding };
    const status = condition.status === 'fail' ? 'not-applicable' : 'unknown';
    return resultOf(criterion.id, criterion.level, { status, finding, path: condition.path, reads: condition.reads });
  }
  const outcome = runCheck(criterion.check, manifest, [], asOf);
  // Whether the criterion applies is part of the result, so the condition's claims are relied on too.
  const reads = condition ? [...condition.reads, ...outcome.reads] : outcome.reads;
  return resultOf(criterion.id, criterion.level, {
    status: outcome.status,
    finding: outcome.finding,
    path: outcome.path,
    reads,
  });
}

/**
 * Every result is built here, property by property: V8 takes a slow path for an object spread
 * followed by more properties (`{ ...base, status }`), which cost more than the check itself.
 */
function resultOf(
  criterion: string,
  level: Level,
  outcome: { status: ResultStatus; finding: Finding; path: Path; reads: Path[] },
): CriterionResult {
  const { status, finding, path, reads } = outcome;
  return { criterion, level, status, finding, reason: describeFinding(finding), path, reads, sources: [] };
}

export function runCheck(check: CompiledCheck, scope: unknown, prefix: Path, asOf?: string): Outcome {
  const ctx: Context = { scope, prefix, asOf, run: runInContext };
  return check.operator.evaluate(check.options, ctx, check.children);
}

/**
 * `ctx.run`: one function for every context rather than a closure per check (this runs for every
 * check of every manifest); called as a method, it hands its context's day to the sub-check.
 */
function runInContext(this: Context, check: CompiledCheck, scope: unknown, prefix: Path): Outcome {
  return runCheck(check, scope, prefix, this.asOf);
}

/** A waived result counts as met: only fail and unknown minimum results change the verdict. */
export function verdictOf(results: readonly { level: Level; status: ResultStatus | 'waived' }[]): Verdict {
  const minimum = results.filter((result) => result.level === 'minimum');
  if (minimum.some((result) => result.status === 'fail')) return 'fails-minimum';
  if (minimum.some((result) => result.status === 'unknown')) return 'incomplete';
  return 'meets-minimum';
}

function bestCaseOf(results: readonly CriterionResult[]): { passed: number; total: number } {
  const applicable = results.filter((result) => result.level === 'best-case' && result.status !== 'not-applicable');
  return { passed: applicable.filter((result) => result.status === 'pass').length, total: applicable.length };
}
