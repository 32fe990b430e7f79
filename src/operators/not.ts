import { z } from 'zod';
import { defineOperator, type Status } from './operator.js';

const inverse: Record<Status, Status> = { pass: 'fail', fail: 'pass', unknown: 'unknown' };

export const not = defineOperator({
  name: 'not',
  summary: 'the check given does not hold',
  options: z.unknown(),
  subchecks: (options) => [{ at: [], node: options }],
  describe: (_options, children) => `not (${children[0] ?? ''})`,
  evaluate: (_options, ctx, children) => {
    const [child] = children;
    if (!child) throw new Error('not: compiled without its sub-check');
    const outcome = ctx.run(child, ctx.scope, ctx.prefix);
    const status = inverse[outcome.status];
    return { status, finding: { code: 'not', status, child: outcome.finding }, path: outcome.path, reads: outcome.reads };
  },
});
