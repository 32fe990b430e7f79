import { z } from 'zod';
import { notAList, valuesFitListField } from './list-value.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';

export const includesAll = defineOperator({
  name: 'includes-all',
  summary: 'the list at `path` contains every one of `values`',
  options: z.strictObject({ path: manifestPath, values: z.array(z.string()).min(1), absent: absentPolicy }),
  checkField: (options, field) => valuesFitListField(options.values, field),
  describe: (options) => `${options.path} includes all of ${options.values.join(', ')}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      if (!Array.isArray(actual)) return notAList(actual, path);
      const ok = options.values.every((value) => actual.includes(value));
      return { status: statusOf(ok), finding: { code: 'includes-all', path, ok, actual, expected: options.values } };
    }),
});
