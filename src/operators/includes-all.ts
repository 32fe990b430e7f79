import { z } from 'zod';
import { notAList, valuesFitListField } from './list-value.js';
import { alternatives, pathText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type IncludesAllFinding = { code: 'includes-all'; path: Path; ok: boolean; actual: unknown[]; expected: unknown[] };

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
  explain: (finding: IncludesAllFinding) => ({
    fact: includesAllFact(finding),
    need: finding.ok ? undefined : `all of ${alternatives(finding.expected, 'and')}`,
  }),
});

function includesAllFact(finding: IncludesAllFinding): string {
  const p = pathText(finding.path);
  if (finding.ok) return `${p} includes ${alternatives(finding.expected, 'and')}`;
  const missing = finding.expected.filter((value) => !finding.actual.includes(value));
  return `${p} lacks ${alternatives(missing, 'and')}`;
}
