import type { z } from 'zod';
import { elementOf } from '../schema/walk.js';
import type { AbsentPolicy, Context, Outcome } from './operator.js';
import { read, valuesFitField } from './operator.js';
import type { Path } from '../path.js';

/** Outcome for a value that should be a list but is not (possible only in free-form `facts`). */
export function notAList(actual: unknown, path: Path): Omit<Outcome, 'path' | 'reads'> {
  return { status: 'unknown', finding: { code: 'wrong-type', path, actual, expected: 'a list' } };
}

/** Load-time check that `path` names a list whose elements can be the given values. */
export function valuesFitListField(values: unknown[], field: z.ZodType): string | undefined {
  const element = elementOf(field);
  if (!element) return 'this operator needs a path to a list';
  return valuesFitField(values, element);
}

/**
 * Reads the list at `path` for an operator that goes through its elements: the list, or the outcome
 * when there is none (the `absent` policy's status, or unknown for a value that is not a list).
 */
export function readList(
  ctx: Context,
  options: { path: string; absent: AbsentPolicy },
): { list: unknown[]; path: Path } | { outcome: Outcome } {
  const found = read(ctx, options.path);
  if (!found.found) {
    return {
      outcome: {
        status: options.absent,
        finding: { code: 'absent', path: found.path },
        path: found.path,
        reads: [found.path],
      },
    };
  }
  if (!Array.isArray(found.value))
    return { outcome: { ...notAList(found.value, found.path), path: found.path, reads: [found.path] } };
  return { list: found.value, path: found.path };
}
