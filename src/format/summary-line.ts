import type { Summary } from '../report/report.js';

/** One sentence counting candidates by verdict, and files with errors. */
export function summaryLine(summary: Summary): string {
  const noun = summary.candidates === 1 ? 'candidate' : 'candidates';
  const parts = [
    `${summary['meets-minimum']} meet${summary['meets-minimum'] === 1 ? 's' : ''} the minimum`,
    `${summary['fails-minimum']} fail${summary['fails-minimum'] === 1 ? 's' : ''} it`,
    `${summary.incomplete} incomplete`,
  ];
  const errors = summary.errors > 0 ? `; ${summary.errors} file${summary.errors === 1 ? '' : 's'} with errors` : '';
  const stale =
    summary.stale > 0
      ? `; ${summary.stale} with stale evidence (${summary.stale_results} result${summary.stale_results === 1 ? '' : 's'})`
      : '';
  return `${summary.candidates} ${noun}: ${parts.join(', ')}${stale}${errors}`;
}
