import { CriteriaCatalog } from '../run/criteria-info.js';
import { manifestJsonSchema, criteriaJsonSchema } from '../schema/json-schema.js';
import { printCriteriaError } from './criteria-error.js';
import type { Io } from './io.js';

export async function schemaCommand(options: { criteria?: boolean; category?: string }, io: Io): Promise<number> {
  if (options.criteria && options.category !== undefined) {
    io.stderr('error: give either --criteria or --category\n');
    return 2;
  }
  let schema = options.criteria ? criteriaJsonSchema() : manifestJsonSchema();
  if (options.category !== undefined) {
    try {
      const set = await new CriteriaCatalog().load(options.category);
      schema = manifestJsonSchema({ id: set.id, ...(set.facts ? { facts: set.facts } : {}) });
    } catch (error) {
      printCriteriaError(io, error);
      return 2;
    }
  }
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
