import type { Path } from '../path.js';

/**
 * A fact is given in the short form (`telemetry: opt-in`) or the long form
 * (`telemetry: { value: opt-in, sources: [...] }`). A fact's value is never a mapping, so a mapping at
 * `facts.<name>` is the long form.
 */
export interface LongFormFact {
  value?: unknown;
  sources?: unknown[];
}

export function isFactPath(path: Path): boolean {
  return path.length === 2 && path[0] === 'facts';
}

export function isLongForm(value: unknown): value is LongFormFact {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where a fact's value is written: in the long form, its `value` key (for pointing at a line). */
export function valueLocation(manifest: unknown, path: Path): Path {
  if (!isFactPath(path)) return path;
  const facts = (manifest as { facts?: Record<string, unknown> } | null)?.facts;
  const name = path[1] as string;
  return facts && Object.hasOwn(facts, name) && isLongForm(facts[name]) ? [...path, 'value'] : path;
}
