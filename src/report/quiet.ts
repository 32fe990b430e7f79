import type { CandidateReport, Report, ResultReport } from './report.js';

export interface QuietOptions {
  /** `--fail-on stale`: stale results fail the run, so `--quiet` shows them too. */
  staleFails?: boolean;
}

/** What `--quiet` keeps of a candidate: it does not meet the minimum, or it has a result that fails the run. */
export function keptByQuiet(candidate: CandidateReport, options: QuietOptions = {}): boolean {
  return (
    candidate.verdict !== 'meets-minimum' ||
    (options.staleFails === true && candidate.results.some((result) => result.stale !== undefined))
  );
}

/** What `--quiet` keeps of a result: it fails or could not be decided, or it is stale and that fails the run. */
export function resultKeptByQuiet(result: ResultReport, options: QuietOptions = {}): boolean {
  return (
    result.status === 'fail' ||
    result.status === 'unknown' ||
    (options.staleFails === true && result.stale !== undefined)
  );
}

/**
 * What `--quiet` shows of a report: candidates that do not meet the minimum, with only their failing
 * and unknown results (and, with `--fail-on stale`, their stale ones). Errors, warnings and the summary
 * (which still counts every candidate) stay.
 */
export function quietReport(report: Report, options: QuietOptions = {}): Report {
  const candidates = report.candidates
    .filter((candidate) => keptByQuiet(candidate, options))
    .map((candidate) => ({
      ...candidate,
      results: candidate.results.filter((result) => resultKeptByQuiet(result, options)),
    }));
  return { ...report, candidates };
}
