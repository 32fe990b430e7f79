import { defineOperator } from './operator.js';
import { explainQuantified, quantifierOptions, quantify } from './quantifier.js';

export const some = defineOperator({
  name: 'some',
  summary: 'at least one element of the list at `path` passes `check` (paths inside are relative to the element)',
  options: quantifierOptions,
  subchecks: (options) => [{ at: ['check'], node: options.check, scopePath: options.path }],
  describe: (options, children) => `some entry of ${options.path} has: ${children[0] ?? ''}`,
  evaluate: (options, ctx, children) => quantify('some', options, ctx, children),
  explain: explainQuantified,
});
