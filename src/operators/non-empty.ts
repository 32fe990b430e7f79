import { z } from 'zod';
import { pathText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type NonEmptyFinding = { code: 'non-empty'; path: Path; ok: boolean; count: number; list: boolean };

export const nonEmpty = defineOperator({
  name: 'non-empty',
  summary: 'the list or text at `path` is not empty',
  options: z.strictObject({ path: manifestPath, absent: absentPolicy }),
  describe: (options) => `${options.path} is given and not empty`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      const count = Array.isArray(actual) ? actual.length : typeof actual === 'string' ? (actual.trim() ? 1 : 0) : 1;
      const ok = count > 0;
      return { status: statusOf(ok), finding: { code: 'non-empty', path, ok, count, list: Array.isArray(actual) } };
    }),
  explain: (finding: NonEmptyFinding) => {
    const p = pathText(finding.path);
    if (!finding.ok) return { fact: `${p} is empty`, need: 'at least one entry' };
    return { fact: finding.list ? `${p} lists ${finding.count}` : `${p} is given` };
  },
});
