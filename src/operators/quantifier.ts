import { z } from 'zod';
import { combine } from './combine.js';
import { absentPolicy, type CompiledCheck, type Context, manifestPath, read, type Outcome } from './operator.js';

export const quantifierOptions = z.strictObject({ path: manifestPath, check: z.unknown(), absent: absentPolicy });
export type QuantifierOptions = z.infer<typeof quantifierOptions>;

/** Runs the sub-check once per element of the list at `path`, each element being the scope of its paths. */
export function quantify(mode: 'some' | 'every', options: QuantifierOptions, ctx: Context, children: CompiledCheck[]): Outcome {
  const [child] = children;
  if (!child) throw new Error(`${mode}: compiled without its sub-check`);
  const found = read(ctx, options.path);
  if (!found.found) {
    return { status: options.absent, finding: { code: 'absent', path: found.path }, path: found.path, reads: [found.path] };
  }
  if (!Array.isArray(found.value)) {
    return {
      status: 'unknown',
      finding: { code: 'wrong-type', path: found.path, actual: found.value, expected: 'a list' },
      path: found.path,
      reads: [found.path],
    };
  }
  const outcomes = found.value.map((element, index) => ctx.run(child, element, [...found.path, index]));
  const count = outcomes.length;
  const combined = combine(outcomes, mode === 'some' ? 'any' : 'all', (status, findings) => ({
    code: mode,
    path: found.path,
    status,
    count,
    children: findings,
  }));
  const { status, finding } = combined;
  return count === 0 ? { status, finding, path: found.path, reads: [found.path] } : { status, finding, path: combined.path, reads: [found.path, ...combined.reads] };
}
