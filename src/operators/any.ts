import { z } from 'zod';
import { combine, explainCombined } from './combine.js';
import { defineOperator } from './operator.js';

export const any = defineOperator({
  name: 'any',
  summary: 'at least one listed check holds',
  options: z.array(z.unknown()).min(1),
  subchecks: (options) => options.map((node, index) => ({ at: [index], node })),
  describe: (_options, children) =>
    children.length === 1 ? (children[0] ?? '') : `any of: (${children.join(') or (')})`,
  evaluate: (_options, ctx, children) =>
    combine(
      children.map((child) => ctx.run(child, ctx.scope, ctx.prefix)),
      'any',
      (status, findings) => ({ code: 'any', status, children: findings }),
    ),
  explain: explainCombined,
});
