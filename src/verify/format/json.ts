import type { VerifyFormatter } from './format.js';

export const verifyJson: VerifyFormatter = {
  name: 'json',
  description: 'the whole report as JSON, for scripts',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
