import { buildMatrices } from '../report/matrix.js';
import type { Formatter } from './format.js';

export const json: Formatter = {
  name: 'json',
  description: 'the whole report as JSON, for scripts',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
  renderCompare: (report, options) => {
    const { tool, version, report_format, summary, errors, warnings } = report;
    const matrices = buildMatrices(report, { quiet: options.quiet });
    return `${JSON.stringify({ tool, version, report_format, matrices, summary, errors, warnings }, null, 2)}\n`;
  },
};
