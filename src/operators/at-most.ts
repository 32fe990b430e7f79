import { z } from 'zod';
import { pathText, valueText } from '../engine/words.js';
import { kindOf } from '../schema/walk.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type AtMostFinding = { code: 'at-most'; path: Path; ok: boolean; actual: number; maximum: number };

export const atMost = defineOperator({
  name: 'at-most',
  summary: 'the number at `path` is at most `value`',
  options: z.strictObject({ path: manifestPath, value: z.number().finite(), absent: absentPolicy }),
  checkField: (_options, field) =>
    kindOf(field) === 'number' || kindOf(field) === 'union' ? undefined : 'this operator needs a path to a number',
  describe: (options) => `${options.path} is at most ${options.value}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      if (typeof actual !== 'number') {
        return { status: 'unknown', finding: { code: 'wrong-type', path, actual, expected: 'a number' } };
      }
      const ok = actual <= options.value;
      return { status: statusOf(ok), finding: { code: 'at-most', path, ok, actual, maximum: options.value } };
    }),
  explain: (finding: AtMostFinding) => ({
    fact: `${pathText(finding.path)} is ${valueText(finding.actual)}`,
    need: finding.ok ? undefined : `at most ${finding.maximum}`,
  }),
});
