import type { Problem } from '../load/problem.js';
import type { CandidateReport, Summary } from './report.js';

/** Counts candidates into a Summary one at a time, so a streamed run need not keep them. */
export class SummaryTally {
  private readonly counts = {
    candidates: 0,
    'meets-minimum': 0,
    'fails-minimum': 0,
    incomplete: 0,
    stale: 0,
    stale_results: 0,
  };

  add(candidate: CandidateReport): void {
    const staleResults = candidate.results.filter((result) => result.stale).length;
    this.counts.candidates += 1;
    this.counts[candidate.verdict] += 1;
    if (staleResults > 0) this.counts.stale += 1;
    this.counts.stale_results += staleResults;
  }

  summary(errors: readonly Problem[]): Summary {
    return { ...this.counts, errors: new Set(errors.map((error) => error.file)).size };
  }
}
