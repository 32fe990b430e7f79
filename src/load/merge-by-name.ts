/**
 * What a criteria set declares by name (criteria by id, and fact declarations by name) merged with
 * what it inherits through `extends`: the inherited entries first, then its own. A name declared on
 * both sides is a clash, never an override, so an inherited criterion cannot be quietly redefined.
 */
export interface NameClash<T> {
  name: string;
  /** Position of the clashing entry among the set's own. */
  index: number;
  own: T;
  inherited: T;
}

export function mergeByName<T>(
  inherited: readonly T[],
  own: readonly T[],
  nameOf: (entry: T) => string,
): { merged: T[]; clashes: NameClash<T>[] } {
  const byName = new Map(inherited.map((entry) => [nameOf(entry), entry]));
  const clashes: NameClash<T>[] = [];
  const merged = [...inherited];
  own.forEach((entry, index) => {
    const name = nameOf(entry);
    const earlier = byName.get(name);
    if (earlier === undefined) merged.push(entry);
    else clashes.push({ name, index, own: entry, inherited: earlier });
  });
  return { merged, clashes };
}

/**
 * Fact declarations (a mapping of fact name to declaration) merged with the inherited ones: each
 * name must be declared once along the chain. For the top-level `facts:` of criteria files; the
 * caller words each clash (at `facts.<name>` of the inheriting file) as it words criterion clashes.
 */
export function mergeFactDeclarations<T>(
  inherited: Readonly<Record<string, T>> | undefined,
  own: Readonly<Record<string, T>> | undefined,
): { merged: Record<string, T>; clashes: string[] } {
  const { merged, clashes } = mergeByName(Object.entries(inherited ?? {}), Object.entries(own ?? {}), ([name]) => name);
  return { merged: Object.fromEntries(merged), clashes: clashes.map((clash) => clash.name) };
}
