import type { FormatOptions } from '../../format/format.js';
import type { VerifyReport } from '../report.js';

/** A `pgcheck verify` output format: a pure function from the report to text. */
export interface VerifyFormatter {
  name: string;
  description: string;
  /** Shows the lines of the manifests a check points at: the CLI then passes `artifacts`. */
  quotesFiles?: boolean;
  render(report: VerifyReport, options: FormatOptions): string;
}

export function summaryText(report: VerifyReport): string {
  const { summary } = report;
  const errors = summary.errors > 0 ? `; ${summary.errors} file${summary.errors === 1 ? '' : 's'} with errors` : '';
  const candidates = `${summary.candidates} candidate${summary.candidates === 1 ? '' : 's'}`;
  return `${candidates}, ${summary.checks} check${summary.checks === 1 ? '' : 's'}: ${summary.pass} pass, ${summary.fail} fail, ${summary.unknown} unknown${errors}`;
}
