import { isFailing } from './matrix.js';
import type { Report } from './report.js';

/**
 * What `--quiet` shows of a report: candidates that do not meet the minimum, with only their failing
 * and unknown results. Errors, warnings and the summary (which still counts every candidate) stay.
 */
export function quietReport(report: Report): Report {
  const candidates = report.candidates
    .filter((candidate) => candidate.verdict !== 'meets-minimum')
    .map((candidate) => ({ ...candidate, results: candidate.results.filter(isFailing) }));
  return { ...report, candidates };
}
