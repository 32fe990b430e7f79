import { z } from 'zod';
import type { Finding } from '../engine/findings.js';
import { type CompiledCheck, type Context, defineOperator, type Outcome, type Status, type Words } from './operator.js';

/** `branches`: the one taken; both when the condition is unknown and they agree; none when they do not. */
type WhenFinding = { code: 'when'; status: Status; condition: Finding; branches: Finding[] };

// biome-ignore lint/suspicious/noThenProperty: `then` is the option's name in criteria files, never awaited
const whenOptions = z.strictObject({ if: z.unknown(), then: z.unknown(), else: z.unknown().optional() });
type WhenOptions = z.infer<typeof whenOptions>;

/**
 * A check that depends on another fact: `then` when `if` passes, `else` (or a pass, when there is
 * none) when it fails. When `if` is unknown the result is known only if both branches agree.
 */
export const when = defineOperator<WhenOptions, WhenFinding>({
  name: 'when',
  summary:
    '`then` holds when the `if` check passes, and `else` (if given) when it fails; unknown `if` decides only when both agree',
  options: whenOptions,
  subchecks: (options) => [
    { at: ['if'], node: options.if },
    { at: ['then'], node: options.then },
    ...(options.else === undefined ? [] : [{ at: ['else'], node: options.else }]),
  ],
  describe: (_options, [condition, then, otherwise]) =>
    `when ${condition ?? ''}: ${then ?? ''}${otherwise === undefined ? '' : `; otherwise: ${otherwise}`}`,
  evaluate: (_options, ctx, children) => evaluateWhen(ctx, children),
  explain: (finding: WhenFinding, words) => ({ fact: conditional(finding, words) }),
});

function conditional(finding: WhenFinding, words: Words): string {
  const [taken, other] = finding.branches;
  if (!taken) return `${words.describe(finding.condition)}, and the check depends on it`;
  if (other) return `${words.describe(taken)}; ${words.describe(other)}`;
  return finding.status === 'unknown'
    ? `${words.describe(taken)} (needed since ${words.fact(finding.condition)})`
    : words.describe(taken);
}

function evaluateWhen(ctx: Context, [condition, then, otherwise]: CompiledCheck[]): Outcome {
  if (!condition || !then) throw new Error('when: compiled without its sub-checks');
  const decided = ctx.run(condition, ctx.scope, ctx.prefix);
  const branch = (check: CompiledCheck | undefined): Outcome =>
    check
      ? ctx.run(check, ctx.scope, ctx.prefix)
      : {
          status: 'pass',
          finding: { code: 'not-applicable', condition: decided.finding },
          path: decided.path,
          reads: [],
        };
  if (decided.status !== 'unknown') {
    const taken = branch(decided.status === 'pass' ? then : otherwise);
    // Which branch applies rests on the condition's facts, so they are relied on too.
    const reads = [...decided.reads, ...taken.reads];
    if (taken.finding.code === 'not-applicable')
      return { status: taken.status, finding: taken.finding, path: taken.path, reads };
    const finding: Finding = {
      code: 'when',
      status: taken.status,
      condition: decided.finding,
      branches: [taken.finding],
    };
    return { status: taken.status, finding, path: taken.path, reads };
  }
  const [first, second] = [branch(then), branch(otherwise)];
  if (first.status === second.status && first.status !== 'unknown') {
    const finding: Finding = {
      code: 'when',
      status: first.status,
      condition: decided.finding,
      branches: [first.finding, second.finding],
    };
    return { status: first.status, finding, path: first.path, reads: [...first.reads, ...second.reads] };
  }
  return {
    status: 'unknown',
    finding: { code: 'when', status: 'unknown', condition: decided.finding, branches: [] },
    path: decided.path,
    reads: decided.reads,
  };
}
