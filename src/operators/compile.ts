import type { z } from 'zod';
import { manifestSchema } from '../schema/manifest.js';
import { closest } from '../schema/suggest.js';
import { elementOf, kindOf, schemasAt, shapeOf } from '../schema/walk.js';
import type { CompiledCheck, Operator } from './operator.js';
import { splitPath } from './operator.js';
import { operators } from './registry.js';
import type { Path } from '../path.js';

/** A problem in a check, at a path inside the criteria document. */
export interface CheckProblem {
  path: Path;
  message: string;
  atKey?: boolean;
  /** A zod issue (relative to `path`) from validating options against `schema`, worded like any schema problem. */
  issue?: { schema: z.ZodType; detail: z.core.$ZodIssue };
}

/** The schema check paths are resolved against: the manifest's, or that of an element of one of its lists. */
export interface Scope {
  schema: z.ZodType;
}

/**
 * Validates a check node (a mapping of one operator name to its options) and everything under it.
 * Returns the compiled check, or undefined with the problems found.
 */
export function compileCheck(
  node: unknown,
  at: Path,
  scope: Scope,
  problems: CheckProblem[],
): CompiledCheck | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    problems.push({
      path: at,
      message: `expected a check: a mapping with one operator (${[...operators.keys()].join(', ')})`,
    });
    return undefined;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    problems.push({
      path: at,
      message: `a check has exactly one operator, found ${keys.length === 0 ? 'none' : keys.join(', ')}; combine several with all or any`,
    });
    return undefined;
  }
  const name = keys[0] as string;
  const operator = operators.get(name);
  if (!operator) {
    const hint = closest(name, operators.keys());
    problems.push({
      path: [...at, name],
      atKey: true,
      message: `unknown operator "${name}"${hint ? `; did you mean "${hint}"?` : ''} (operators: ${[...operators.keys()].join(', ')})`,
    });
    return undefined;
  }
  return compileOperator(operator, (node as Record<string, unknown>)[name], [...at, name], scope, problems);
}

function compileOperator(
  operator: Operator,
  raw: unknown,
  at: Path,
  scope: Scope,
  problems: CheckProblem[],
): CompiledCheck | undefined {
  const parsed = operator.options.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const detail of parsed.error.issues) {
      problems.push({ path: at, message: detail.message, issue: { schema: operator.options, detail } });
    }
    return undefined;
  }
  const options = parsed.data as { path?: unknown } | null;
  const before = problems.length;
  if (typeof options?.path === 'string') checkPath(operator, options, options.path, [...at, 'path'], scope, problems);
  const children: CompiledCheck[] = [];
  for (const sub of operator.subchecks?.(options) ?? []) {
    const childScope = sub.scopePath ? elementScope(scope, sub.scopePath) : scope;
    if (!childScope) {
      if (problems.length === before)
        problems.push({ path: [...at, 'path'], message: `${operator.name} needs a path to a list` });
      continue;
    }
    const child = compileCheck(sub.node, [...at, ...sub.at], childScope, problems);
    if (child) children.push(child);
  }
  return problems.length === before ? { operator, options, children } : undefined;
}

/** Checks that `path` names a field the manifest can have, and lets the operator check its options against it. */
function checkPath(
  operator: Operator,
  options: unknown,
  path: string,
  at: Path,
  scope: Scope,
  problems: CheckProblem[],
) {
  const segments = splitPath(path);
  for (let depth = 1; depth <= segments.length; depth++) {
    const parent = schemasAt(scope.schema, segments.slice(0, depth - 1));
    if (parent.some((schema) => kindOf(schema) === 'record')) return; // free-form facts: any key may be there
    const found = schemasAt(scope.schema, segments.slice(0, depth));
    if (found.length === 0) {
      const known = parent.flatMap((schema) => objectKeys(schema));
      const hint = closest(segments[depth - 1] ?? '', known);
      const suggestion = hint ? `; did you mean "${[...segments.slice(0, depth - 1), hint].join('.')}"?` : '';
      // Under `facts` (once the set declares its facts) the names come from the declarations, not from pgcheck.
      const what =
        depth === 2 && segments[0] === 'facts' && scope.schema !== manifestSchema
          ? `not a fact this set declares${suggestion} (declared: ${known.join(', ') || 'none'})`
          : `not a manifest field${suggestion}`;
      problems.push({ path: at, message: `path "${path}" is ${what}` });
      return;
    }
  }
  const field = schemasAt(scope.schema, segments)[0];
  const complaint = field && operator.checkField?.(options, field);
  if (complaint) problems.push({ path: at.slice(0, -1), message: `${operator.name} on ${path}: ${complaint}` });
}

function objectKeys(schema: z.ZodType): string[] {
  return Object.keys(shapeOf(schema));
}

function elementScope(scope: Scope, path: string): Scope | undefined {
  const field = schemasAt(scope.schema, splitPath(path))[0];
  const element = field && elementOf(field);
  return element ? { schema: element } : undefined;
}
