import type { z } from 'zod';
import { type Manifest, manifestSchema, spdxExpression } from '../schema/manifest.js';
import { deprecatedLicenseIds, parseLicense } from '../schema/spdx.js';
import { elementOf, keysOf, kindOf, schemasAt, unwrap } from '../schema/walk.js';
import { formatPath } from './schema-problems.js';
import type { Problem } from './problem.js';
import type { Path } from '../path.js';
import { locate, type YamlSource } from './source.js';

/** A licence field's place in the manifest, `[]` standing for every element of a list. */
type Pattern = readonly (string | '[]')[];

let licencePatterns: Pattern[] | undefined;

/** Where the manifest schema has licence fields, read from the schema once. */
function patterns(): Pattern[] {
  licencePatterns ??= findLicenceFields(manifestSchema, []);
  return licencePatterns;
}

function findLicenceFields(schema: z.ZodType, at: Pattern): Pattern[] {
  if (unwrap(schema) === spdxExpression) return [at];
  const element = elementOf(schema);
  if (element) return findLicenceFields(element, [...at, '[]']);
  if (kindOf(schema) !== 'object') return [];
  return keysOf(schema).flatMap((key) =>
    schemasAt(schema, [key]).flatMap((child) => findLicenceFields(child, [...at, key])),
  );
}

/** The values at `pattern` in `value`, with their paths. */
function valuesAt(value: unknown, pattern: Pattern, path: Path = []): { path: Path; value: unknown }[] {
  if (pattern.length === 0) return [{ path, value }];
  const [head, ...rest] = pattern;
  if (head === '[]')
    return Array.isArray(value) ? value.flatMap((item, index) => valuesAt(item, rest, [...path, index])) : [];
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, head as string)) return [];
  return valuesAt((value as Record<string, unknown>)[head as string], rest, [...path, head as string]);
}

/** Warnings for licence expressions that are valid but use a deprecated SPDX id (`GPL-3.0`, `GPL-2.0+`). */
export function licenceWarnings(manifest: Manifest, source: YamlSource): Problem[] {
  const warnings: Problem[] = [];
  for (const pattern of patterns()) {
    for (const { path, value } of valuesAt(manifest, pattern)) {
      if (typeof value !== 'string') continue;
      const parsed = parseLicense(value);
      if (!('node' in parsed)) continue;
      const { line, column } = locate(source, path);
      for (const message of deprecatedLicenseIds(parsed.node))
        warnings.push({ file: source.file, line, column, message: `${formatPath(path)}${message}` });
    }
  }
  return warnings;
}
