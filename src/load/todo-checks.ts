import type { Problem } from './problem.js';
import { formatPath } from './schema-problems.js';
import { locate, type YamlSource } from './source.js';

type NodePath = (string | number)[];

/**
 * Where a criteria document still has `todo` checks (criteria not yet expressed as a check), as
 * warnings: the set is valid and such criteria evaluate as unknown, but someone has work to do.
 */
export function todoCheckWarnings(value: unknown, source: YamlSource): Problem[] {
  const criteria = (value as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(criteria)) return [];
  return criteria.flatMap((criterion: unknown, index) => {
    const id = (criterion as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? `criterion "${id}"` : 'this criterion';
    return ['applies_when', 'check']
      .flatMap((key) => todoPaths((criterion as Record<string, unknown> | null)?.[key], ['criteria', index, key]))
      .map((at) => {
        const { line, column } = locate(source, [...at, 'todo'], { key: true });
        return {
          file: source.file,
          line,
          column,
          message: `${formatPath(at)}${name} is not yet expressed as a check (todo)`,
        };
      });
  });
}

/** Paths of every check node under `node` whose operator is `todo`, however deeply combined. */
function todoPaths(node: unknown, at: NodePath): NodePath[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => todoPaths(child, [...at, index]));
  if (node === null || typeof node !== 'object') return [];
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'todo') return [at];
  return keys.flatMap((key) => todoPaths((node as Record<string, unknown>)[key], [...at, key]));
}
