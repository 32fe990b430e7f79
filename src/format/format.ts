import type { CandidateReport, Report } from '../report/report.js';

export interface FormatOptions {
  color: boolean;
  /** Terminal width to wrap tables to; none when output is not a terminal. */
  width?: number;
  /** Compare view only: show only candidates that do not meet the minimum, and the rows they fail. */
  quiet?: boolean;
  /** With quiet: `--fail-on stale` was given, so stale results are shown as failing. */
  staleFails?: boolean;
}

/** A report format: a pure function from the report to text. */
export interface Formatter {
  name: string;
  description: string;
  render(report: Report, options: FormatOptions): string;
  /**
   * The compare view (criteria as rows, candidates as columns). Formats without one (per-result
   * machine formats) render the same report for `compare` as for `evaluate`.
   */
  renderCompare?(report: Report, options: FormatOptions): string;
  /**
   * The evaluate view written piece by piece while the batch runs, so a big batch is never held
   * whole: the pieces of every candidate in order, then `end` of the report without its candidates,
   * joined, are exactly `render` of the full report.
   */
  stream?: {
    candidate(candidate: CandidateReport, options: FormatOptions): string;
    end(report: Report, options: FormatOptions): string;
  };
}
