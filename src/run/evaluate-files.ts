import { normalize } from 'node:path';
import { isIsoDate } from '../engine/dates.js';
import type { CriteriaSet } from '../load/criteria.js';
import { CriteriaCache } from '../load/criteria-sets.js';
import { discoverFiles, type FileOrder } from '../load/discover.js';
import { noManifestsFound } from '../load/load-manifests.js';
import { type Limits, withDefaults } from '../load/limits.js';
import type { Problem } from '../load/problem.js';
import { packageVersion } from '../paths.js';
import { type CandidateReport, type CriteriaInfo, REPORT_FORMAT, type Report } from '../report/report.js';
import { SummaryTally } from '../report/tally.js';
import { today } from './today.js';
import { CriteriaError } from './criteria-error.js';

export { CriteriaError };
import { type FileSettings, fileEvaluator } from './evaluate-file.js';

export interface EvaluateFilesOptions {
  /** Id of an installed criteria set or path to a criteria file; by default each manifest's `category`. */
  criteria?: string;
  /** Where installed criteria sets live (tests point this elsewhere). */
  criteriaDir?: string;
  /** `--criteria-dir`: directories of criteria sets manifests may name in `category`, after the installed ones and those among `paths`. */
  criteriaDirs?: readonly string[];
  /** Candidates in sorted path order (default), or in the order of `paths` with each directory's files sorted (compare's columns). */
  order?: FileOrder;
  /** Told how many files are done, before each file and once at the end (for a progress indicator). */
  onProgress?: (done: number, total: number) => void;
  /** The day to evaluate as of, YYYY-MM-DD (default: today): staleness and waiver expiry depend on it. */
  asOf?: string;
  /** Require a source for every claim, whatever each criterion says. */
  requireEvidence?: boolean;
  /** Apply the manifests' waivers (default true). */
  waivers?: boolean;
  /** Bounds on untrusted input; any not given keeps its default. */
  limits?: Partial<Limits>;
  /**
   * Given each candidate as soon as it is evaluated, in file order, instead of keeping it in the
   * report (whose `candidates` then stays empty; the summary still counts every candidate).
   */
  onCandidate?: (candidate: CandidateReport) => void;
}

/** Reads, validates and evaluates every manifest under `paths`; one bad file never stops the others. */
export async function evaluateFiles(paths: readonly string[], options: EvaluateFilesOptions = {}): Promise<Report> {
  const day = today();
  const asOf = options.asOf ?? day;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf: expected a calendar date as YYYY-MM-DD, got ${asOf}`);
  const limits = withDefaults(options.limits);
  const sources = { searchPaths: [...paths], criteriaDirs: [...(options.criteriaDirs ?? [])] };
  const cache = new CriteriaCache(options.criteriaDir, limits, sources);
  const forced = options.criteria === undefined ? undefined : await cache.resolve(options.criteria);
  if (forced && !forced.ok) {
    if ('problems' in forced)
      throw new CriteriaError(`--criteria ${options.criteria}: invalid criteria file`, forced.problems);
    throw new CriteriaError(`--criteria ${options.criteria}: ${forced.message}`);
  }
  const errors: Problem[] = [];
  const candidates: CandidateReport[] = [];
  const warnings: Problem[] = [];
  const usedSets = new Map<string, CriteriaSet>();
  const criteriaFiles = new Set<string>();
  const tally = new SummaryTally();
  const discovery = await discoverFiles(paths, limits, options.order);
  errors.push(...discovery.problems);
  warnings.push(...discovery.skipped);
  let found = discovery.problems.length;
  const settings: FileSettings = {
    ...(options.criteria === undefined ? {} : { criteria: options.criteria }),
    ...(options.criteriaDir === undefined ? {} : { criteriaDir: options.criteriaDir }),
    sources,
    asOf,
    today: day,
    requireEvidence: options.requireEvidence === true,
    waivers: options.waivers !== false,
    limits,
  };
  const evaluate = fileEvaluator(settings, cache);
  const { files, named } = discovery;
  for (const [done, file] of files.entries()) {
    options.onProgress?.(done, files.length);
    const outcome = await evaluate(file, named.has(file));
    found += outcome.isCandidate ? 1 : 0;
    if (outcome.criteriaFile) criteriaFiles.add(outcome.criteriaFile.file);
    if (outcome.criteriaFile?.definition) cache.register(outcome.criteriaFile.definition);
    errors.push(...outcome.errors);
    warnings.push(...outcome.warnings);
    const { candidate, reference } = outcome;
    const resolution = reference === undefined ? undefined : await cache.resolve(reference);
    if (resolution?.ok) usedSets.set(resolution.set.id, resolution.set);
    if (!candidate) continue;
    tally.add(candidate);
    if (options.onCandidate) options.onCandidate(candidate);
    else candidates.push(detached(candidate));
  }
  options.onProgress?.(files.length, files.length);
  errors.push(...(await cache.conflicts()));
  if (found === 0) errors.push(...nothingToEvaluate(paths, criteriaFiles));
  return {
    tool: 'pgcheck',
    version: packageVersion(),
    report_format: REPORT_FORMAT,
    as_of: asOf,
    criteria: [...usedSets.values()].map(criteriaInfo),
    candidates,
    errors: dedupe(errors),
    warnings,
    summary: tally.summary(errors),
  };
}

/**
 * A copy of `candidate` that shares no string with the manifest's text. Strings taken from the
 * parsed YAML (names, values in reasons) are slices of the whole file text in V8 and would keep
 * every file of a batch in memory; the report must hold only its own small results.
 */
function detached(candidate: CandidateReport): CandidateReport {
  return JSON.parse(JSON.stringify(candidate)) as CandidateReport;
}

export function criteriaInfo(set: CriteriaSet): CriteriaInfo {
  return {
    id: set.id,
    title: set.title,
    source: set.source,
    revision: set.revision,
    ...(set.max_age ? { max_age: set.max_age } : {}),
    criteria: set.criteria.map(({ id, level, text, help, evidenceRequired, from }) => ({
      id,
      level,
      text,
      ...(help ? { help } : {}),
      ...(evidenceRequired ? { evidence: 'required' as const } : {}),
      ...(from ? { from } : {}),
    })),
  };
}

/**
 * No manifest under the paths: for each path, that nothing was found; a criteria file named outright
 * is a set of the run, but with nothing to evaluate it is more likely a mistake.
 */
function nothingToEvaluate(paths: readonly string[], criteriaFiles: ReadonlySet<string>): Problem[] {
  return noManifestsFound(paths).map((problem) =>
    criteriaFiles.has(normalize(problem.file))
      ? { ...problem, message: 'this is a criteria file, not a candidate manifest (give it with --criteria)' }
      : problem,
  );
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
