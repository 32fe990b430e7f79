import { z } from 'zod';
import type { FactDeclarations } from '../schema/facts.js';
import { MANIFEST_FORMAT, manifestSchemaFor } from '../schema/manifest.js';
import {
  elementOf,
  isOptional,
  isWholeNumber,
  kindOf,
  optionsOf,
  recordOf,
  shapeOf,
  unwrap,
  unwrapOnce,
  valuesOf,
} from '../schema/walk.js';

/** Where editors find the schemas of schema/ when the file is not inside a pgcheck checkout. */
const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/pgcheck/pgcheck/main/schema/';
/** The manifest schema with the built-in sections and free-form facts. */
export const MANIFEST_SCHEMA_URL = `${SCHEMA_BASE_URL}manifest.schema.json`;

export interface TemplateOptions {
  name: string;
  category: string;
  /** The `$schema` editors load: a URL, or a path relative to the manifest. */
  schemaLocation?: string;
  /** Criteria ids by the manifest field they read (`audits[].independent`), to say which fields the category needs. */
  usedBy?: ReadonlyMap<string, readonly string[]>;
  /** The facts the category's criteria set declares, each written out with its text and type. */
  facts?: FactDeclarations;
  /** How the set was named (installed id or path), for the `pgcheck schema --category` hint. */
  setReference?: string;
  /** The file in schema/ with this category's facts typed (an installed set's), when there is one. */
  schemaFile?: string;
}

/** Fields written out with a value; every other field is a commented-out line, which reads as unknown. */
const FILLED = ['pgcheck', 'name', 'category'] as const;
const COMMENT_COLUMN = 34;

/**
 * A starter manifest: the required fields filled in and every other field of the schema present as a
 * commented-out line with what it means and the values it takes. Generated from the zod schema, so it
 * cannot fall out of step with it; commented out, a field is missing, and missing means unknown.
 */
export function manifestTemplate(options: TemplateOptions): string {
  const values: Record<(typeof FILLED)[number], string> = {
    pgcheck: String(MANIFEST_FORMAT),
    name: yamlScalar(options.name),
    category: yamlScalar(options.category),
  };
  // Facts as a check reads them (the value alone); the `facts` description tells of the `{ value, sources }` form.
  const shape = shapeOf(manifestSchemaFor(options.facts, 'value'));
  const lines = [
    `# yaml-language-server: $schema=${options.schemaLocation ?? (options.schemaFile ? `${SCHEMA_BASE_URL}${options.schemaFile}` : MANIFEST_SCHEMA_URL)}`,
    '# A pgcheck candidate manifest (format 1). Fill in only what a public source confirms, and list that',
    "# source under the section's `sources`. Uncomment a line to give a field. A field left commented out is",
    '# "not known" and evaluates as unknown; false, none or [] is a known "no" and can fail a criterion.',
    '# Check it with: pgcheck validate <this file>; then: pgcheck evaluate <this file>',
    ...(options.facts && !options.schemaFile
      ? [
          `# Its facts are typed by the criteria set; a JSON Schema with them: pgcheck schema --category ${options.setReference ?? options.category}`,
        ]
      : []),
    '',
    ...FILLED.map((key) => withComment(`${key}: ${values[key]}`, commentOf(shape[key] as z.ZodType, true))),
  ];
  const usedBy = options.usedBy ?? new Map<string, readonly string[]>();
  for (const [key, schema] of Object.entries(shape)) {
    if ((FILLED as readonly string[]).includes(key)) continue;
    const fields = commented(
      [...fieldLines(key, schema, 0, false, key), ...freeFormLines(key, schema, usedBy)],
      usedBy,
    );
    lines.push(...(isSection(schema) ? ['', ...fields] : fields));
  }
  return `${lines.join('\n')}\n`;
}

interface Line {
  yaml: string;
  comment: string;
  /** The field's manifest path, `[]` standing for any list element. */
  path: string;
}

function fieldLines(key: string, schema: z.ZodType, indent: number, requiredShown: boolean, path: string): Line[] {
  const pad = ' '.repeat(indent);
  const line = { yaml: `${pad}${key}:`, comment: commentOf(schema, requiredShown), path };
  const inner = unwrap(schema);
  if (kindOf(inner) === 'object') return [line, ...objectLines(inner, indent + 2, `${path}.`)];
  const element = elementOf(inner);
  const elementObject = element && objectBranch(element);
  if (elementObject) {
    const [first, ...rest] = objectLines(elementObject, indent + 4, `${path}[].`);
    const items = first ? [{ ...first, yaml: `${pad}  - ${first.yaml.trimStart()}` }, ...rest] : [];
    return [line, ...items];
  }
  return [line];
}

/** A free-form mapping such as `facts` has no fields of its own: offer the ones the criteria set reads. */
function freeFormLines(key: string, schema: z.ZodType, usedBy: ReadonlyMap<string, readonly string[]>): Line[] {
  if (kindOf(schema) !== 'record') return [];
  const names = [...usedBy.keys()]
    .filter((path) => path.startsWith(`${key}.`))
    .map((path) => path.slice(key.length + 1));
  return names
    .sort()
    .map((name) => ({ yaml: `  ${name}:`, comment: "read by this category's criteria", path: `${key}.${name}` }));
}

function objectLines(schema: z.ZodType, indent: number, prefix: string): Line[] {
  return Object.entries(shapeOf(schema)).flatMap(([key, child]) =>
    fieldLines(key, child, indent, true, `${prefix}${key}`),
  );
}

function isSection(schema: z.ZodType): boolean {
  const inner = unwrap(schema);
  return (
    kindOf(inner) === 'object' ||
    kindOf(inner) === 'record' ||
    Boolean(elementOf(inner) && objectBranch(elementOf(inner) as z.ZodType))
  );
}

/** An object schema, or the object branch of a union such as "a URL or {url, quote, retrieved}". */
function objectBranch(schema: z.ZodType): z.ZodType | undefined {
  const inner = unwrap(schema);
  if (kindOf(inner) === 'object') return inner;
  if (kindOf(inner) === 'union')
    return optionsOf(inner)
      .map(unwrap)
      .find((option) => kindOf(option) === 'object');
  return undefined;
}

/** What the field means (its descriptions, outermost first) and the values it takes. */
function commentOf(schema: z.ZodType, showRequired: boolean): string {
  const meanings = descriptionsOf(schema);
  const allowed = allowedValues(schema);
  const parts = [meanings[0], ...meanings.slice(1).map((text) => `(${lowerFirst(text)})`)].filter(Boolean);
  const meaning = parts.join(' ');
  const text =
    allowed && !saysAlready(meaning, schema)
      ? meaning
        ? `${meaning.replace(/\.$/, '')}: ${allowed}`
        : allowed
      : meaning;
  const required = showRequired && !isOptional(schema);
  return `${text}${required ? ' (required)' : ''}`;
}

/** A description that names every allowed value, or explains a list of entries, needs no list of values after it. */
function saysAlready(meaning: string, schema: z.ZodType): boolean {
  if (!meaning) return false;
  const inner = unwrap(schema);
  const element = elementOf(inner);
  if (element && objectBranch(element)) return true;
  const values = valuesOf(inner);
  return values?.every((value) => meaning.includes(String(value))) === true;
}

/** The values a field takes in words, from its kind; undefined where the description already says it. */
function allowedValues(schema: z.ZodType): string | undefined {
  const inner = unwrap(schema);
  const literal = valuesOf(inner);
  switch (kindOf(inner)) {
    case 'boolean':
      return 'true or false';
    case 'enum':
      return (literal ?? []).join(' | ');
    case 'literal':
      return (literal ?? []).map(String).join(' | ');
    case 'number':
      return isWholeNumber(inner) ? 'a whole number' : 'a number';
    case 'string':
      return descriptionsOf(inner).length > 0 ? undefined : 'text';
    case 'object':
      return undefined;
    case 'array':
      return listValues(elementOf(inner) as z.ZodType);
    case 'record': {
      const record = recordOf(inner) as { key: z.ZodType; value: z.ZodType };
      return `a mapping of ${lowerFirst(descriptionsOf(record.key)[0] ?? 'key')}s to ${valueWords(record.value)}`;
    }
    case 'union':
      return valueWords(inner);
    default:
      return undefined;
  }
}

function listValues(element: z.ZodType): string {
  const inner = unwrap(element);
  if (kindOf(inner) === 'enum') return `a list of any of: ${(valuesOf(inner) ?? []).join(', ')}`;
  if (objectBranch(inner)) {
    const plain = kindOf(inner) === 'union' ? ' (a plain URL instead of a {url, ...} entry works too)' : '';
    return `a list of entries as below${plain}`;
  }
  const words = valueWords(inner);
  return words === 'text' ? 'a list of text' : `a list, each ${lowerFirst(words)}`;
}

function valueWords(schema: z.ZodType): string {
  const inner = unwrap(schema);
  if (kindOf(inner) === 'union') {
    const words = optionsOf(inner).map(valueWords);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')}, or ${words.at(-1)}` : (words[0] ?? '');
  }
  return descriptionsOf(inner)[0] ?? allowedValues(inner) ?? kindOf(inner);
}

function descriptionsOf(schema: z.ZodType): string[] {
  const found: string[] = [];
  let current = schema;
  for (;;) {
    const description = z.globalRegistry.get(current)?.description;
    if (description && !found.includes(description)) found.push(description);
    const next = unwrapOnce(current);
    if (next === current) return found;
    current = next;
  }
}

function commented(lines: Line[], usedBy: ReadonlyMap<string, readonly string[]>): string[] {
  return lines.map((line) => {
    const criteria = usedBy.get(line.path);
    return withComment(
      `# ${line.yaml}`,
      criteria?.length ? `${line.comment} [checked by: ${criteria.join(', ')}]` : line.comment,
    );
  });
}

/** `text` with `comment` after it on the same line: a comment's line breaks (a fact's text may span lines) become spaces. */
function withComment(text: string, comment: string): string {
  const oneLine = comment.replace(/\s+/g, ' ').trim();
  return oneLine ? `${text.padEnd(COMMENT_COLUMN - 1)} # ${oneLine}` : text;
}

function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z0-9])/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** A plain scalar when YAML reads it back as the same string, otherwise a double-quoted one. */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._()+/-]*$/.test(text) &&
    !text.endsWith(' ') &&
    !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(text)
    ? text
    : JSON.stringify(text);
}
