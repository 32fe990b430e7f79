import { z } from 'zod';
import type { Finding } from '../engine/findings.js';
import { pathText } from '../engine/words.js';
import { elementOf } from '../schema/walk.js';
import { readList } from './list-value.js';
import { absentPolicy, defineOperator, manifestPath, type Outcome, type Status, statusOf } from './operator.js';
import { listedReasons } from './quantifier.js';
import type { Path } from '../path.js';

type CountFinding = {
  code: 'count-at-least';
  path: Path;
  status: Status;
  minimum: number;
  total: number;
  /** Elements that pass `check` (every element when there is no check), and those that may. */
  passing: number;
  unknown: number;
  /** Whether elements are counted only when they pass a check. */
  filtered: boolean;
  /** The reasons of the elements that explain the status. */
  children: Finding[];
};

export const countAtLeast = defineOperator({
  name: 'count-at-least',
  summary:
    'the list at `path` has at least `value` entries; with `check`, at least `value` entries that pass it (paths inside are relative to the entry)',
  options: z.strictObject({
    path: manifestPath,
    value: z.int().min(1).max(10000),
    check: z.unknown().optional(),
    absent: absentPolicy,
  }),
  subchecks: (options) =>
    options.check === undefined ? [] : [{ at: ['check'], node: options.check, scopePath: options.path }],
  checkField: (_options, field) => (elementOf(field) ? undefined : 'this operator needs a path to a list'),
  describe: (options, children) =>
    children[0] === undefined
      ? `${options.path} lists at least ${options.value}`
      : `at least ${options.value} entries of ${options.path} have: ${children[0]}`,
  evaluate: (options, ctx, children) => {
    const found = readList(ctx, options);
    if ('outcome' in found) return found.outcome;
    const { list, path } = found;
    const [child] = children;
    const base = { code: 'count-at-least', path, minimum: options.value, total: list.length } as const;
    if (!child) {
      const status = statusOf(list.length >= options.value);
      return {
        status,
        finding: { ...base, status, passing: list.length, unknown: 0, filtered: false, children: [] },
        path,
        reads: [path],
      };
    }
    const outcomes = list.map((element, index) => ctx.run(child, element, [...path, index]));
    const passing = outcomes.filter((outcome) => outcome.status === 'pass');
    const unknown = outcomes.filter((outcome) => outcome.status === 'unknown');
    const status: Status =
      passing.length >= options.value ? 'pass' : passing.length + unknown.length >= options.value ? 'unknown' : 'fail';
    // A pass rests on the entries that qualify; a fail on every entry (each that does not qualify decides it).
    const relied = status === 'pass' ? passing : status === 'fail' ? outcomes : unknown;
    const explaining =
      status === 'pass'
        ? passing
        : status === 'fail'
          ? outcomes.filter((outcome) => outcome.status === 'fail')
          : unknown;
    const finding: CountFinding = {
      ...base,
      status,
      passing: passing.length,
      unknown: unknown.length,
      filtered: true,
      children: explaining.map((outcome) => outcome.finding),
    };
    return {
      status,
      finding,
      path: status === 'unknown' ? (unknown[0] as Outcome).path : path,
      reads: [path, ...relied.flatMap((outcome) => outcome.reads)],
    };
  },
  explain: (finding: CountFinding, words) => {
    const p = pathText(finding.path);
    const need = finding.status === 'pass' ? undefined : `at least ${finding.minimum}`;
    if (finding.total === 0) return { fact: `${p} is empty`, need };
    if (!finding.filtered) return { fact: `${p} lists ${finding.total}`, need };
    const counted = `${finding.passing} of ${entries(finding.total)} of ${p} ${finding.passing === 1 ? 'qualifies' : 'qualify'}`;
    const reasons = listedReasons(finding.children, words);
    if (finding.status === 'pass') return { fact: `${counted}: ${reasons}` };
    const maybe = finding.unknown > 0 ? ` and ${finding.unknown} may` : '';
    return { fact: `${counted}${maybe}`, need: reasons ? `${need}: ${reasons}` : need };
  },
});

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}
