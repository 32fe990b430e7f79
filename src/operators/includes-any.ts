import { z } from 'zod';
import { notAList, valuesFitListField } from './list-value.js';
import { alternatives, pathText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type IncludesAnyFinding = { code: 'includes-any'; path: Path; ok: boolean; actual: unknown[]; expected: unknown[] };

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
  explain: (finding: IncludesAnyFinding) => ({
    fact: includesAnyFact(finding),
    need: finding.ok ? undefined : alternatives(finding.expected, 'or'),
  }),
});

function includesAnyFact(finding: IncludesAnyFinding): string {
  const p = pathText(finding.path);
  if (finding.actual.length === 0) return `${p} is empty`;
  if (!finding.ok) return `${p} lists ${alternatives(finding.actual, 'and')} only`;
  const matched = finding.actual.filter((value) => finding.expected.includes(value));
  return `${p} includes ${alternatives(matched, 'and')}`;
}
