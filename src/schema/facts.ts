import { z } from 'zod';

/**
 * Fact declarations: a criteria set names the facts it reads beyond the built-in manifest sections,
 * each with a type and a sentence a reviewer can act on. The manifest schema for the set is built
 * from them (manifest.ts), so validation, the JSON Schema, init and the checks' paths all agree.
 */
export const factTypes = ['boolean', 'integer', 'number', 'text', 'url', 'date', 'enum', 'list', 'spdx'] as const;
export type FactType = (typeof factTypes)[number];

export const factName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, { error: 'expected a fact name of lower-case letters, digits, _ and -' })
  .max(64)
  .meta({ description: 'Fact name' });

// Trimmed: a folded `>` block ends in a line break, which would reach every place the text is shown.
const text = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .meta({ description: 'What the fact means, in a sentence a reviewer can act on' });

const allowedValues = z
  .array(z.string().min(1).max(200))
  .min(1)
  .max(200)
  .refine((values) => new Set(values).size === values.length, { error: 'lists a value twice' });

function bounded(type: 'integer' | 'number', bound: z.ZodNumber) {
  return z
    .strictObject({ type: z.literal(type), text, min: bound.optional(), max: bound.optional() })
    .refine(({ min, max }) => min === undefined || max === undefined || min <= max, {
      path: ['max'],
      error: 'must not be below min',
    });
}

const plain = (type: 'boolean' | 'text' | 'url' | 'date' | 'spdx') => z.strictObject({ type: z.literal(type), text });

export const factDeclarationSchema = z
  .discriminatedUnion('type', [
    plain('boolean'),
    bounded('integer', z.int()),
    bounded('number', z.number()),
    plain('text'),
    plain('url'),
    plain('date'),
    z.strictObject({
      type: z.literal('enum'),
      text,
      values: allowedValues.meta({ description: 'The values the fact may take' }),
    }),
    z.strictObject({
      type: z.literal('list'),
      text,
      values: allowedValues.optional().meta({ description: 'The values list items may take; without it, any text' }),
    }),
    plain('spdx'),
  ])
  .meta({
    description: `A fact the set reads: its type (${factTypes.join(', ')}), its text, and for enum and list its values, for integer and number an optional min and max`,
  });

export type FactDeclaration = z.infer<typeof factDeclarationSchema>;
/** Declared facts by name; an `extends` merges these mappings by name. */
export type FactDeclarations = Readonly<Record<string, FactDeclaration>>;

export const factDeclarationsSchema = z.record(factName, factDeclarationSchema).meta({
  description:
    'The facts this set reads beyond the built-in sections; a manifest evaluated with the set may give only these, typed as declared',
});

/** A declaration's type in words, for `criteria show` and docs. */
export function describeFactType(declaration: FactDeclaration): string {
  switch (declaration.type) {
    case 'integer':
    case 'number':
      return `${declaration.type}${boundsText(declaration.min, declaration.max)}`;
    case 'enum':
      return `enum: ${declaration.values.join(' | ')}`;
    case 'list':
      return declaration.values ? `list of: ${declaration.values.join(', ')}` : 'list of text';
    default:
      return declaration.type;
  }
}

function boundsText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` (${min} to ${max})`;
  if (min !== undefined) return ` (at least ${min})`;
  if (max !== undefined) return ` (at most ${max})`;
  return '';
}
