import type { z } from 'zod';

// The one module that reads zod's schema definitions (`_zod.def`, zod 4's documented internals for
// library authors): everything else asks these functions what a schema holds.

type Segment = string | number;
type Def = { type: string; [key: string]: unknown };

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Peels wrappers that do not change the shape of a value (optional, default, pipe, lazy...). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    const next = d.type === 'lazy' ? (d.getter as () => z.ZodType)() : unwrapOnce(current);
    if (next === current) return current;
    current = next;
  }
}

/** Peels one wrapper (optional, nullable, default, readonly, pipe), or returns the schema itself. */
export function unwrapOnce(schema: z.ZodType): z.ZodType {
  const d = def(schema);
  if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly')
    return d.innerType as z.ZodType;
  if (d.type === 'pipe') return d.in as z.ZodType;
  return schema;
}

/** The fields of an object schema (wrappers peeled), or none. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (def(unwrap(schema)).shape ?? {}) as Record<string, z.ZodType>;
}

/** Whether the schema itself (not a wrapper inside it) is optional. */
export function isOptional(schema: z.ZodType): boolean {
  return def(schema).type === 'optional';
}

/** Whether a number schema takes whole numbers only (`z.int()`). */
export function isWholeNumber(schema: z.ZodType): boolean {
  return def(unwrap(schema)).format === 'safeint';
}

/** The key and value schemas of a record schema, if it is one. */
export function recordOf(schema: z.ZodType): { key: z.ZodType; value: z.ZodType } | undefined {
  const d = def(unwrap(schema));
  return d.type === 'record' ? { key: d.keyType as z.ZodType, value: d.valueType as z.ZodType } : undefined;
}

/** The schemas a value at `path` may have to satisfy (several where a union branches). */
export function schemasAt(root: z.ZodType, path: readonly Segment[]): z.ZodType[] {
  let current = [unwrap(root)];
  for (const segment of path) {
    current = current.flatMap((schema) => childSchemas(schema, segment)).map(unwrap);
    if (current.length === 0) break;
  }
  return current;
}

function childSchemas(schema: z.ZodType, segment: Segment): z.ZodType[] {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      return typeof segment === 'string' && Object.hasOwn(shape, segment) ? [shape[segment] as z.ZodType] : [];
    }
    case 'array':
      return typeof segment === 'number' ? [d.element as z.ZodType] : [];
    case 'record':
      return typeof segment === 'string' ? [d.valueType as z.ZodType] : [];
    case 'union':
      return (d.options as z.ZodType[]).map(unwrap).flatMap((option) => childSchemas(option, segment));
    default:
      return [];
  }
}

/** Keys an object schema accepts, for did-you-mean hints. */
export function keysOf(schema: z.ZodType, input?: unknown): string[] {
  const d = def(unwrap(schema));
  if (d.type === 'object') return Object.keys(d.shape as object);
  if (d.type === 'union') return [...new Set(taggedOptions(d, input).flatMap((option) => keysOf(option)))];
  return [];
}

/** The branches of a union schema. */
export function optionsOf(schema: z.ZodType): z.ZodType[] {
  const d = def(unwrap(schema));
  return d.type === 'union' ? (d.options as z.ZodType[]).map(unwrap) : [];
}

/** Whether the key at the end of `path` may be left out of its mapping. */
export function isOptionalAt(root: z.ZodType, path: readonly Segment[]): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string') return false;
  return schemasAt(root, path.slice(0, -1)).some((parent) => {
    const d = def(parent);
    if (d.type === 'record') return true;
    const shape = d.type === 'object' ? (d.shape as Record<string, z.ZodType>) : {};
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    return field !== undefined && def(field).type === 'optional';
  });
}

/** A tagged union's options for the value's tag (a fact declaration of `type: enum`), or all of them. */
function taggedOptions(d: Def, input: unknown): z.ZodType[] {
  const options = d.options as z.ZodType[];
  const tag =
    typeof d.discriminator === 'string' && input !== null && typeof input === 'object'
      ? (input as Record<string, unknown>)[d.discriminator]
      : undefined;
  if (tag === undefined) return options;
  const matching = options.filter((option) =>
    valuesOf(
      def(unwrap(option)).shape
        ? ((def(unwrap(option)).shape as Record<string, z.ZodType>)[d.discriminator as string] ?? option)
        : option,
    )?.includes(tag),
  );
  return matching.length > 0 ? matching : options;
}

export function kindOf(schema: z.ZodType): string {
  return def(unwrap(schema)).type;
}

/** Element schema of an array schema, if it is one. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const d = def(unwrap(schema));
  return d.type === 'array' ? unwrap(d.element as z.ZodType) : undefined;
}

/** Allowed literal values of an enum or literal schema. */
export function valuesOf(schema: z.ZodType): unknown[] | undefined {
  const d = def(unwrap(schema));
  if (d.type === 'enum') return Object.values(d.entries as object);
  if (d.type === 'literal') return d.values as unknown[];
  return undefined;
}
