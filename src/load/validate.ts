import type { z } from 'zod';
import type { Problem } from './problem.js';
import { schemaProblems } from './schema-problems.js';
import type { ParsedYaml, YamlSource } from './source.js';

export type Validated<T> =
  | { ok: true; value: T; source: YamlSource }
  | { ok: false; problems: Problem[]; source?: YamlSource };

/** Validates parsed YAML against `schema`, collecting every problem with its position. */
export function validateParsed<T>(parsed: ParsedYaml, schema: z.ZodType<T>): Validated<T> {
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems, source: parsed.source };
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (!result.success)
    return { ok: false, problems: schemaProblems(schema, result.error.issues, parsed.source), source: parsed.source };
  return { ok: true, value: result.data, source: parsed.source };
}
