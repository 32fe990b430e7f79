import { defineOperator } from './operator.js';
import { explainQuantified, quantifierOptions, quantify } from './quantifier.js';

export const every = defineOperator({
  name: 'every',
  summary:
    'every element of the list at `path` passes `check` (an empty list passes; paths inside are relative to the element)',
  options: quantifierOptions,
  subchecks: (options) => [{ at: ['check'], node: options.check, scopePath: options.path }],
  describe: (options, children) => `every entry of ${options.path} has: ${children[0] ?? ''}`,
  evaluate: (options, ctx, children) => quantify('every', options, ctx, children),
  explain: explainQuantified,
});
