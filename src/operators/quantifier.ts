import { z } from 'zod';
import { combine } from './combine.js';
import type { Finding } from '../engine/findings.js';
import { pathText } from '../engine/words.js';
import { readList } from './list-value.js';
import {
  absentPolicy,
  type CompiledCheck,
  type Context,
  type Explanation,
  manifestPath,
  type Outcome,
  type Status,
  type Words,
} from './operator.js';
import type { Path } from '../path.js';

/** At most this many elements' reasons are listed; the rest are counted. */
const MAX_LISTED_ITEMS = 3;

export type QuantifiedFinding = {
  code: 'some' | 'every';
  path: Path;
  status: Status;
  count: number;
  children: Finding[];
};

export const quantifierOptions = z.strictObject({ path: manifestPath, check: z.unknown(), absent: absentPolicy });
export type QuantifierOptions = z.infer<typeof quantifierOptions>;

/** Runs the sub-check once per element of the list at `path`, each element being the scope of its paths. */
export function quantify(
  mode: 'some' | 'every',
  options: QuantifierOptions,
  ctx: Context,
  children: CompiledCheck[],
): Outcome {
  const [child] = children;
  if (!child) throw new Error(`${mode}: compiled without its sub-check`);
  const found = readList(ctx, options);
  if ('outcome' in found) return found.outcome;
  const outcomes = found.list.map((element, index) => ctx.run(child, element, [...found.path, index]));
  const count = outcomes.length;
  const combined = combine(outcomes, mode === 'some' ? 'any' : 'all', (status, findings) => ({
    code: mode,
    path: found.path,
    status,
    count,
    children: findings,
  }));
  const { status, finding } = combined;
  return count === 0
    ? { status, finding, path: found.path, reads: [found.path] }
    : { status, finding, path: combined.path, reads: [found.path, ...combined.reads] };
}

/** Reasons of the elements that decided, the first few listed and the rest counted. */
export function listedReasons(children: readonly Finding[], words: Words): string {
  const shown = children.slice(0, MAX_LISTED_ITEMS).map((child) => words.describe(child));
  const more = children.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function explainQuantified(finding: QuantifiedFinding, words: Words): Explanation {
  const p = pathText(finding.path);
  if (finding.count === 0) return { fact: `${p} is empty` };
  const list = listedReasons(finding.children, words);
  if (finding.status === 'pass') return { fact: list };
  if (finding.code === 'every') return { fact: `not every entry of ${p} qualifies: ${list}` };
  if (finding.status === 'fail') return { fact: `no entry of ${p} qualifies: ${list}` };
  return { fact: `no entry of ${p} is known to qualify: ${list}` };
}
