import type { Formatter } from './format.js';

export const json: Formatter = {
  name: 'json',
  description: 'the whole report as JSON, for scripts',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
