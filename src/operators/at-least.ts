import { z } from 'zod';
import { kindOf } from '../schema/walk.js';
import { pathText, valueText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type AtLeastFinding = { code: 'at-least'; path: Path; ok: boolean; actual: number; minimum: number };

export const atLeast = defineOperator({
  name: 'at-least',
  summary: 'the number at `path` is at least `value`',
  options: z.strictObject({ path: manifestPath, value: z.number().finite(), absent: absentPolicy }),
  checkField: (_options, field) =>
    kindOf(field) === 'number' || kindOf(field) === 'union' ? undefined : 'this operator needs a path to a number',
  describe: (options) => `${options.path} is at least ${options.value}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      if (typeof actual !== 'number') {
        return { status: 'unknown', finding: { code: 'wrong-type', path, actual, expected: 'a number' } };
      }
      const ok = actual >= options.value;
      return { status: statusOf(ok), finding: { code: 'at-least', path, ok, actual, minimum: options.value } };
    }),
  explain: (finding: AtLeastFinding) => ({
    fact: `${pathText(finding.path)} is ${valueText(finding.actual)}`,
    need: finding.ok ? undefined : `at least ${finding.minimum}`,
  }),
});
