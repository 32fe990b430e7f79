import { evaluateManifest } from '../engine/evaluate.js';
import type { CriteriaSet } from '../load/criteria.js';
import { CriteriaCache } from '../load/criteria-sets.js';
import { discoverFiles } from '../load/discover.js';
import { loadManifestSync } from '../load/manifest.js';
import type { Problem } from '../load/problem.js';
import { locate } from '../load/source.js';
import { packageVersion } from '../paths.js';
import { type CandidateReport, type CriteriaInfo, REPORT_FORMAT, type Report, resultReport, summarize } from '../report/report.js';

export interface EvaluateFilesOptions {
  /** Id of an installed criteria set or path to a criteria file; by default each manifest's `category`. */
  criteria?: string;
  /** Where installed criteria sets live (tests point this elsewhere). */
  criteriaDir?: string;
}

/** Thrown for a `--criteria` that cannot be used at all: nothing is evaluated. */
export class CriteriaError extends Error {
  /** Problems in the criteria file, or none when the reference itself names no criteria set. */
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Reads, validates and evaluates every manifest under `paths`; one bad file never stops the others. */
export async function evaluateFiles(paths: readonly string[], options: EvaluateFilesOptions = {}): Promise<Report> {
  const cache = new CriteriaCache(options.criteriaDir);
  const forced = options.criteria === undefined ? undefined : await cache.resolve(options.criteria);
  if (forced && !forced.ok) {
    if ('problems' in forced) throw new CriteriaError(`--criteria ${options.criteria}: invalid criteria file`, forced.problems);
    throw new CriteriaError(`--criteria ${options.criteria}: ${forced.message}`);
  }
  const { files, named, problems: errors } = await discoverFiles(paths);
  const candidates: CandidateReport[] = [];
  const usedSets = new Map<string, CriteriaSet>();
  for (const file of files) {
    const load = loadManifestSync(file);
    if (!load.ok) {
      // A criteria file met while searching a directory is not a candidate; named outright, it is a mistake.
      if (!load.isCriteria || named.has(file)) errors.push(...load.problems);
      continue;
    }
    const { manifest, source } = load.loaded;
    const resolution = forced ?? (await cache.resolve(manifest.category));
    if (!resolution.ok) {
      const { line, column } = locate(source, ['category']);
      const message = 'unknownId' in resolution ? `category: ${resolution.message}` : `category: criteria set "${manifest.category}" is invalid`;
      errors.push({ file, line, column, message });
      if ('problems' in resolution) errors.push(...resolution.problems);
      continue;
    }
    const set = resolution.set;
    usedSets.set(set.id, set);
    const evaluation = evaluateManifest(set, manifest);
    candidates.push(
      detached({
        file,
        name: manifest.name,
        criteria: set.id,
        verdict: evaluation.verdict,
        best_case: evaluation.bestCase,
        results: evaluation.results.map((result) => resultReport(result, (path) => locate(source, path))),
      }),
    );
  }
  return {
    tool: 'pgcheck',
    version: packageVersion(),
    report_format: REPORT_FORMAT,
    criteria: [...usedSets.values()].map(criteriaInfo),
    candidates,
    errors: dedupe(errors),
    warnings: [],
    summary: summarize(candidates, errors),
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
    criteria: set.criteria.map(({ id, level, text, help }) => (help ? { id, level, text, help } : { id, level, text })),
  };
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
