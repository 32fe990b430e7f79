import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { type Limits, raiseHint } from './limits.js';

/** Keys that name prototype machinery in JavaScript; never a field, wherever they appear. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Past this many, a file's remaining problems of this kind are not worth listing one by one. */
const MAX_REPORTED = 20;

export interface TreeProblem {
  offset: number;
  message: string;
}

/**
 * Checks a parsed YAML tree against the limits before any value is built from it: depth, string
 * length, alias count, reserved keys, and numbers JavaScript cannot hold exactly. Iterative, so
 * depth costs no stack; nothing below a too-deep node is visited.
 */
export function inspectTree(root: unknown, text: string, limits: Limits): TreeProblem[] {
  const problems: TreeProblem[] = [];
  let aliases = 0;
  let tooDeep = false;
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > limits.maxDepth) {
        if (!tooDeep)
          problems.push({
            offset: start(node),
            message: `nested more than ${limits.maxDepth} levels deep (${raiseHint('maxDepth')})`,
          });
        tooDeep = true;
        continue;
      }
      // Pushed last to first, so the first item is inspected first (problems come out in file order).
      for (let index = node.items.length - 1; index >= 0; index -= 1) {
        const item: unknown = node.items[index];
        if (isPair(item)) {
          checkKey(item.key, problems);
          stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    } else if (isAlias(node)) {
      aliases++;
      if (aliases === limits.maxAliases + 1)
        problems.push({
          offset: start(node),
          message: `more than ${limits.maxAliases} YAML aliases (${raiseHint('maxAliases')})`,
        });
    } else if (isScalar(node)) {
      const message = scalarProblem(node.value, () => text.slice(start(node), node.range?.[1] ?? start(node)), limits);
      if (message) problems.push({ offset: start(node), message });
    }
  }
  return problems;
}

function checkKey(key: unknown, problems: TreeProblem[]): void {
  // A mapping, list or alias as a key has no faithful JavaScript form (yaml would stringify it and warn on stderr).
  if (key !== null && !isScalar(key))
    problems.push({
      offset: start(key),
      message: `a key must be a plain value, not ${isAlias(key) ? 'an alias' : isMap(key) ? 'a mapping' : 'a list'}`,
    });
  if (isScalar(key) && typeof key.value === 'string' && RESERVED_KEYS.has(key.value)) {
    problems.push({ offset: start(key), message: `unknown key "${key.value}" (a reserved name, never a field)` });
  }
}

function scalarProblem(value: unknown, written: () => string, limits: Limits): string | undefined {
  if (typeof value === 'string' && value.length > limits.maxStringLength) {
    return `string of ${value.length} characters is longer than the ${limits.maxStringLength} limit (${raiseHint('maxStringLength')})`;
  }
  if (typeof value !== 'number' || Number.isSafeInteger(value) || (Number.isFinite(value) && !Number.isInteger(value)))
    return undefined;
  const text = written();
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  if (Number.isNaN(value)) return `${shown} is not a number (NaN is not allowed)`;
  if (!Number.isFinite(value)) return `${shown} is not a finite number`;
  return `${shown} is too large to hold exactly (whole numbers must be within ±${Number.MAX_SAFE_INTEGER})`;
}

function start(node: unknown): number {
  return (node as Node | null | undefined)?.range?.[0] ?? 0;
}
