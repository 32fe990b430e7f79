import { z } from 'zod';
import { notAList, valuesFitListField } from './list-value.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';

export const includesAny = defineOperator({
  name: 'includes-any',
  summary: 'the list at `path` contains at least one of `values`',
  options: z.strictObject({ path: manifestPath, values: z.array(z.string()).min(1), absent: absentPolicy }),
  checkField: (options, field) => valuesFitListField(options.values, field),
  describe: (options) => `${options.path} includes any of ${options.values.join(', ')}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      if (!Array.isArray(actual)) return notAList(actual, path);
      const ok = actual.some((value) => options.values.includes(value));
      return { status: statusOf(ok), finding: { code: 'includes-any', path, ok, actual, expected: options.values } };
    }),
});
