import { z } from 'zod';
import type { Finding } from '../engine/findings.js';
import { defineOperator, type Status } from './operator.js';

type NotFinding = { code: 'not'; status: Status; child: Finding };

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
    return {
      status,
      finding: { code: 'not', status, child: outcome.finding },
      path: outcome.path,
      reads: outcome.reads,
    };
  },
  explain: (finding: NotFinding, words) => {
    if (finding.status === 'pass') return { fact: words.fact(finding.child) };
    if (finding.status === 'fail') return { fact: `${words.fact(finding.child)}, which must not be the case` };
    return { fact: words.describe(finding.child) };
  },
});
