import type { z } from 'zod';
import { elementOf } from '../schema/walk.js';
import type { Path } from '../path.js';
import type { Outcome } from './operator.js';
import { valuesFitField } from './operator.js';

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
