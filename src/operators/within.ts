import { z } from 'zod';
import { dateBefore, latestDayOf } from '../engine/dates.js';
import { pathText, valueText } from '../engine/words.js';
import { kindOf } from '../schema/walk.js';
import { DURATION_SYNTAX, type Duration, formatDuration, parseDuration } from '../verify/duration.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type WithinFinding = { code: 'within'; path: Path; actual: unknown; duration: string } & (
  | { ok: boolean; cutoff: string; asOf: string }
  /** No evaluation day was given, so the age of the date cannot be judged. */
  | { ok?: undefined }
);

const duration = z.string().transform((text, ctx) => {
  const parsed = parseDuration(text);
  if (parsed && parsed.amount > 0) return parsed;
  ctx.addIssue({ code: 'custom', message: `expected a duration: ${DURATION_SYNTAX}`, input: text });
  return z.NEVER;
});

export const within = defineOperator({
  name: 'within',
  summary:
    'the date at `path` is no older than `duration` (e.g. 3y, 18m, 90d) before the evaluation day; a date written YYYY or YYYY-MM counts as its last day',
  options: z.strictObject({ path: manifestPath, duration, absent: absentPolicy }),
  checkField: (_options, field) =>
    kindOf(field) === 'string' || kindOf(field) === 'union' ? undefined : 'this operator needs a path to a date',
  describe: (options) => `${options.path} is no older than ${formatDuration(options.duration)}`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      const latest =
        typeof actual === 'string'
          ? latestDayOf(actual)
          : Number.isInteger(actual)
            ? latestDayOf(String(actual))
            : undefined;
      if (latest === undefined) {
        return {
          status: 'unknown',
          finding: { code: 'wrong-type', path, actual, expected: 'a date as YYYY, YYYY-MM or YYYY-MM-DD' },
        };
      }
      const span = formatDuration(options.duration);
      if (ctx.asOf === undefined)
        return { status: 'unknown', finding: { code: 'within', path, actual, duration: span } };
      const cutoff = dateBefore(ctx.asOf, ageOf(options.duration));
      const ok = latest >= cutoff;
      return {
        status: statusOf(ok),
        finding: { code: 'within', path, ok, actual, duration: span, cutoff, asOf: ctx.asOf },
      };
    }),
  explain: (finding: WithinFinding) => {
    const fact = `${pathText(finding.path)} is ${valueText(finding.actual)}`;
    if (finding.ok === undefined) return { fact: `${fact}, and no evaluation day was given to judge its age by` };
    if (finding.ok) return { fact: `${fact}, within ${finding.duration} of ${finding.asOf}` };
    return { fact, need: `${finding.cutoff} or later (${finding.duration} before ${finding.asOf})` };
  },
});

function ageOf(span: Duration) {
  return { count: span.amount, unit: span.unit };
}
