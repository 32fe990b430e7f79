import { z } from 'zod';
import { defineOperator } from './operator.js';

/**
 * A check not written yet: `criteria import` writes one for every criterion it brings in, so an
 * imported set evaluates (as unknown) from the start and never passes anything it does not check.
 * `validate` warns about each one. The option is a free note for whoever writes the check.
 */
export const todo = defineOperator({
  name: 'todo',
  summary: 'a check still to be written: always unknown',
  options: z.string().max(2000).nullable().meta({ description: 'A note on what the check should look at (or null)' }),
  describe: (note) => `not yet expressed as a check${note ? ` (${note})` : ''}`,
  evaluate: (_note, ctx) => ({ status: 'unknown', finding: { code: 'todo' }, path: ctx.prefix, reads: [] }),
  explain: () => ({ fact: 'not yet expressed as a check' }),
});
