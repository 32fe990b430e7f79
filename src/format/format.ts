import type { CandidateReport, Report } from '../report/report.js';

export interface FormatOptions {
  color: boolean;
  /** Terminal width to wrap tables to; none when output is not a terminal. */
  width?: number;
  /** Compare view only: show only candidates that do not meet the minimum, and the rows they fail. */
  quiet?: boolean;
  /** With quiet: `--fail-on stale` was given, so stale results are shown as failing. */
  staleFails?: boolean;
  /** The files the report is about, as read from disk: only formats that quote them (sarif) use it. */
  artifacts?: Artifacts;
}

/** What a report's files hold and which repository they are in, gathered by the CLI (formats stay pure). */
export interface Artifacts {
  /** Each readable file's lines (without line ends), by the path the report names it with. */
  lines: ReadonlyMap<string, readonly string[]>;
  repository?: {
    /** The work tree's root as a file:// URI ending in `/`. */
    rootUri: string;
    repositoryUri: string;
    revisionId?: string;
    branch?: string;
    /** Each file inside the work tree, by the path the report names it with: its path from the root. */
    paths: ReadonlyMap<string, string>;
  };
}

/** A report format: a pure function from the report to text. */
export interface Formatter {
  name: string;
  description: string;
  /** Shows the lines of the files a result points at: the CLI then passes `artifacts`. */
  quotesFiles?: boolean;
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
