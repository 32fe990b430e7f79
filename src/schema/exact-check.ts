import type { z } from 'zod';

/**
 * A quick yes for the common case: whether zod would accept `value`, plain data as yaml builds it
 * (own enumerable properties, no getters), and hand back the same data (up to key order). `true` lets a caller use the value as it is; `false` only means "ask zod",
 * which also words the problems. Containers (objects, optional fields, lists, unions, records) are
 * walked here, without zod's per-node bookkeeping; every other schema, and every check, is run by
 * zod itself, so the rules stay zod's. Anything not understood here answers `false`.
 */
export type ExactCheck = (value: unknown) => boolean;

type Internals = {
  def: {
    type: string;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    innerType?: z.ZodType;
    element?: z.ZodType;
    options?: z.ZodType[];
    keyType?: z.ZodType;
    valueType?: z.ZodType;
    checks?: { _zod: { check(payload: Payload): unknown } }[];
  };
  optin?: string;
  optout?: string;
  run(payload: Payload, ctx: object): Payload;
};
type Payload = { value: unknown; issues: unknown[] };

const LEAF_CONTEXT = Object.freeze({ async: false });
const compiled = new WeakMap<z.ZodType, ExactCheck>();

export function exactCheck(schema: z.ZodType): ExactCheck {
  let check = compiled.get(schema);
  if (!check) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

function internals(schema: z.ZodType): Internals {
  return (schema as unknown as { _zod: Internals })._zod;
}

function compile(schema: z.ZodType): ExactCheck {
  const zod = internals(schema);
  const { def } = zod;
  switch (def.type) {
    case 'object':
      return def.checks?.length ? never : objectCheck(def.shape ?? {});
    case 'optional':
      return optionalCheck(zod);
    case 'array':
      return arrayCheck(exactCheck(def.element as z.ZodType), containerChecks(def.checks));
    case 'union':
      return def.checks?.length ? never : unionCheck(def.options ?? []);
    case 'record':
      return def.checks?.length ? never : recordCheck(exactCheck(def.keyType as z.ZodType), exactCheck(def.valueType as z.ZodType));
    case 'string':
      return plainStringCheck(zod) ?? leafCheck(zod);
    case 'boolean':
    case 'enum':
    case 'literal':
      return valueSetCheck(zod) ?? leafCheck(zod);
    case 'number':
      return leafCheck(zod);
    default:
      return never;
  }
}

type CheckDef = { check?: string; format?: string; minimum?: number; maximum?: number; pattern?: RegExp };

/**
 * A string with only length and pattern checks (most of a manifest's text), tested as zod's
 * checks test it (length within bounds, each pattern from lastIndex 0), without its bookkeeping.
 * Anything else (formats such as url or date, custom checks, coercion) is left to zod.
 */
function plainStringCheck(zod: Internals): ExactCheck | undefined {
  const def = zod.def as Internals['def'] & { coerce?: boolean };
  if (def.coerce || (zod as unknown as { traits: Set<string> }).traits.has('$ZodCheck')) return undefined;
  let minimum = 0;
  let maximum = Number.POSITIVE_INFINITY;
  const patterns: RegExp[] = [];
  for (const check of def.checks ?? []) {
    const rule = (check._zod as unknown as { def: CheckDef }).def;
    if (rule.check === 'min_length' && rule.minimum !== undefined) minimum = Math.max(minimum, rule.minimum);
    else if (rule.check === 'max_length' && rule.maximum !== undefined) maximum = Math.min(maximum, rule.maximum);
    else if (rule.check === 'string_format' && rule.format === 'regex' && rule.pattern) patterns.push(rule.pattern);
    else return undefined;
  }
  return (value) => {
    if (typeof value !== 'string' || value.length < minimum || value.length > maximum) return false;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return false;
    }
    return true;
  };
}

/** A boolean, enum or literal without checks: zod accepts exactly its set of values, unchanged. */
function valueSetCheck(zod: Internals): ExactCheck | undefined {
  const def = zod.def as Internals['def'] & { coerce?: boolean };
  if (def.coerce || def.checks?.length) return undefined;
  if (def.type === 'boolean') return (value) => typeof value === 'boolean';
  // The set zod itself parses enums and literals against.
  const values = (zod as unknown as { values?: unknown }).values;
  return values instanceof Set ? (value) => values.has(value) : undefined;
}

const never: ExactCheck = () => false;

/** zod's own parse and checks, accepted only without issues and without a changed value (z.url trims, say). */
function leafCheck(zod: Internals): ExactCheck {
  return (value) => {
    const payload = zod.run({ value, issues: [] }, LEAF_CONTEXT);
    return !(payload instanceof Promise) && payload.issues.length === 0 && payload.value === value;
  };
}

function optionalCheck(zod: Internals): ExactCheck {
  const inner = zod.def.innerType;
  // A default would put a value where there was none: not the same data.
  if (!inner || zod.optin !== 'optional' || zod.optout !== 'optional') return never;
  const check = exactCheck(inner);
  return (value) => value !== undefined && check(value);
}

/** An object as yaml's toJS builds one; zod would copy anything else into one, so it is not the same data. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function objectCheck(shape: Record<string, z.ZodType>): ExactCheck {
  const fields = new Map<string, { check: ExactCheck; optional: boolean }>();
  let required = 0;
  for (const [key, schema] of Object.entries(shape)) {
    const zod = internals(schema);
    const optional = zod.def.type === 'optional' && zod.optin === 'optional' && zod.optout === 'optional';
    if (!optional) required += 1;
    fields.set(key, { check: exactCheck(schema), optional });
  }
  return (value) => {
    if (!isPlainObject(value)) return false;
    let requiredSeen = 0;
    // A key the shape lacks is refused or dropped by zod: either way not the same data.
    for (const key in value) {
      const field = fields.get(key);
      if (!field || !Object.hasOwn(value, key) || !field.check(value[key])) return false;
      if (!field.optional) requiredSeen += 1;
    }
    return requiredSeen === required;
  };
}

function containerChecks(checks: Internals['def']['checks']): (value: unknown) => boolean {
  const list = checks ?? [];
  return (value) => {
    for (const check of list) {
      const payload: Payload = { value, issues: [] };
      const result = check._zod.check(payload);
      if (result instanceof Promise || payload.issues.length > 0) return false;
    }
    return true;
  };
}

function arrayCheck(element: ExactCheck, checks: (value: unknown) => boolean): ExactCheck {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const item of value) if (!element(item)) return false;
    return checks(value);
  };
}

/** zod takes the first option that accepts: an option may answer only when every earlier one certainly refuses. */
function unionCheck(options: z.ZodType[]): ExactCheck {
  const branches = options.map((option) => ({ check: exactCheck(option), refuses: refusalCheck(option) }));
  return (value) => {
    for (const { check, refuses } of branches) {
      if (check(value)) return true;
      if (!refuses(value)) return false;
    }
    return false;
  };
}

/** Whether zod certainly refuses `value` for this schema; false when that is not known cheaply. */
function refusalCheck(schema: z.ZodType): (value: unknown) => boolean {
  const zod = internals(schema);
  switch (zod.def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      return (value) => {
        const payload = zod.run({ value, issues: [] }, LEAF_CONTEXT);
        return !(payload instanceof Promise) && payload.issues.length > 0;
      };
    case 'object':
      return (value) => value === null || typeof value !== 'object' || Array.isArray(value);
    case 'array':
      return (value) => !Array.isArray(value);
    default:
      return () => false;
  }
}

function recordCheck(key: ExactCheck, item: ExactCheck): ExactCheck {
  return (value) => {
    // zod reads symbol keys too (and refuses them); YAML never makes one.
    if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
    for (const name of Object.keys(value)) if (!key(name) || !item(value[name])) return false;
    return true;
  };
}
