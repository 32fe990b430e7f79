import { manifestJsonSchema, criteriaJsonSchema } from '../schema/json-schema.js';
import type { Io } from './io.js';

export function schemaCommand(options: { criteria?: boolean }, io: Io): number {
  const schema = options.criteria ? criteriaJsonSchema() : manifestJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
