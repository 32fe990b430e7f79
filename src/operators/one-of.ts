import { z } from 'zod';
import { alternatives, pathText, valueText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf, valuesFitField } from './operator.js';
import type { Path } from '../path.js';

type OneOfFinding = { code: 'one-of'; path: Path; ok: boolean; actual: unknown; expected: unknown[] };

export const oneOf = defineOperator({
  name: 'one-of',
  summary: 'the value at `path` is one of `values`',
  options: z.strictObject({
    path: manifestPath,
    values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
    absent: absentPolicy,
  }),
  checkField: (options, field) => valuesFitField(options.values, field),
  describe: (options) => `${options.path} is one of ${options.values.map((v) => JSON.stringify(v)).join(', ')}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      const ok = options.values.some((value) => value === actual);
      return { status: statusOf(ok), finding: { code: 'one-of', path, ok, actual, expected: options.values } };
    }),
  explain: (finding: OneOfFinding) => ({
    fact: `${pathText(finding.path)} is ${valueText(finding.actual)}`,
    need: finding.ok ? undefined : `one of ${alternatives(finding.expected, 'or')}`,
  }),
});
