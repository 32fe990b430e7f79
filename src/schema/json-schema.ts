import { z } from 'zod';
import { criteriaSetSchema } from './criteria.js';
import type { FactDeclarations } from './facts.js';
import { manifestSchemaFor } from './manifest.js';

const SCHEMA_BASE = 'https://pgcheck.dev/schema';

/**
 * JSON Schema of candidate manifests, generated from the zod schema (the single source of truth);
 * given a category, of that category's manifests, with the facts its criteria set declares.
 */
export function manifestJsonSchema(category?: { id: string; facts?: FactDeclarations }): Record<string, unknown> {
  const schema = z.toJSONSchema(manifestSchemaFor(category?.facts), { io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: `${SCHEMA_BASE}/${category ? `${category.id}.manifest` : 'manifest'}.schema.json` };
}

export function criteriaJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(criteriaSetSchema, { io: 'input', unrepresentable: 'any' }),
    $id: `${SCHEMA_BASE}/criteria.schema.json`,
  };
}
