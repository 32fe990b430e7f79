import { z } from 'zod';
import { combine, explainCombined } from './combine.js';
import { defineOperator } from './operator.js';

export const all = defineOperator({
  name: 'all',
  summary: 'every listed check holds',
  options: z.array(z.unknown()).min(1),
  subchecks: (options) => options.map((node, index) => ({ at: [index], node })),
  describe: (_options, children) =>
    children.length === 1 ? (children[0] ?? '') : `all of: (${children.join('); (')})`,
  evaluate: (_options, ctx, children) =>
    combine(
      children.map((child) => ctx.run(child, ctx.scope, ctx.prefix)),
      'all',
      (status, findings) => ({ code: 'all', status, children: findings }),
    ),
  explain: explainCombined,
});
