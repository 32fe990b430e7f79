import type { Report } from '../report/report.js';

export interface FormatOptions {
  color: boolean;
  /** Terminal width to wrap tables to; none when output is not a terminal. */
  width?: number;
}

/** A report format: a pure function from the report to text. */
export interface Formatter {
  name: string;
  description: string;
  render(report: Report, options: FormatOptions): string;
}
