import { buildMatrices } from '../report/matrix.js';
import { jsonText } from './escape.js';
import type { Formatter } from './format.js';

export const json: Formatter = {
  name: 'json',
  description: 'the whole report as JSON, for scripts',
  render: (report) => jsonText(report),
  renderCompare: (report, options) => {
    const { tool, version, report_format, as_of, summary, errors, warnings } = report;
    const matrices = buildMatrices(report, { quiet: options.quiet, staleFails: options.staleFails });
    return jsonText({ tool, version, report_format, as_of, matrices, summary, errors, warnings });
  },
};
