import { z } from 'zod';
import { pathText, valueText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf, valuesFitField } from './operator.js';
import type { Path } from '../path.js';

type EqualsFinding = { code: 'equals'; path: Path; ok: boolean; actual: unknown; expected: unknown };

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const equals = defineOperator({
  name: 'equals',
  summary: 'the value at `path` is exactly `value`',
  options: z.strictObject({ path: manifestPath, value: scalar, absent: absentPolicy }),
  checkField: (options, field) => valuesFitField([options.value], field),
  describe: (options) => `${options.path} is ${JSON.stringify(options.value)}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      const ok = actual === options.value;
      return { status: statusOf(ok), finding: { code: 'equals', path, ok, actual, expected: options.value } };
    }),
  explain: (finding: EqualsFinding) => ({
    fact: `${pathText(finding.path)} is ${valueText(finding.actual)}`,
    need: finding.ok ? undefined : valueText(finding.expected),
  }),
});
