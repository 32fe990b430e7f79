import { z } from 'zod';
import { criteriaSetSchema } from './criteria.js';
import { manifestSchema } from './manifest.js';

const SCHEMA_BASE = 'https://pgcheck.dev/schema';

/** JSON Schema of candidate manifests, generated from the zod schema (the single source of truth). */
export function manifestJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(manifestSchema, { io: 'input', unrepresentable: 'any' }), $id: `${SCHEMA_BASE}/manifest.schema.json` };
}

export function criteriaJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(criteriaSetSchema, { io: 'input', unrepresentable: 'any' }), $id: `${SCHEMA_BASE}/criteria.schema.json` };
}
