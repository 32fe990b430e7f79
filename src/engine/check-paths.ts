import type { CompiledCheck } from '../operators/operator.js';

/**
 * The manifest fields a check reads, as paths with `[]` for list elements (`audits[].independent`):
 * an operator's `path` option, and inside `some`/`every` the element's fields below that list.
 */
export function pathsReadBy(check: CompiledCheck): string[] {
  // Once each: the branches of a `when` may read the same fields.
  return [...new Set(pathsBelow(check, ''))];
}

function pathsBelow(check: CompiledCheck, listPrefix: string): string[] {
  const path = (check.options as { path?: unknown } | null)?.path;
  const here = typeof path === 'string' ? `${listPrefix}${path}` : undefined;
  const childPrefix = here !== undefined && check.children.length > 0 ? `${here}[].` : listPrefix;
  return [...(here === undefined ? [] : [here]), ...check.children.flatMap((child) => pathsBelow(child, childPrefix))];
}
