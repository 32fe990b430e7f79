import type { z } from 'zod';
import { closest } from '../schema/suggest.js';
import { isOptionalAt, keysOf, kindOf, optionsOf, schemasAt } from '../schema/walk.js';
import { compareProblems, type Problem } from './problem.js';
import { type Path, pathText } from '../path.js';
import { locate, type YamlSource } from './source.js';

type Issue = z.core.$ZodIssue;

const YAML11_BOOLEANS = new Set(['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false']);

/** Turns a zod validation failure into problems worded for a person and pinned to the YAML source. */
export function schemaProblems(
  schema: z.ZodType,
  issues: readonly Issue[],
  source: YamlSource,
  base: Path = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    for (const { path, message, atKey } of pickUnionBranch(issue).flatMap((picked) => describeIssue(schema, picked))) {
      const where = [...base, ...path];
      const { line, column } = locate(source, where, { key: atKey });
      problems.push({ file: source.file, line, column, message: `${formatPath(where)}${message}` });
    }
  }
  return problems.sort(compareProblems);
}

/** A path as the start of a problem's message: `sources[0].url: `, or nothing for the whole file. */
export function formatPath(path: Path): string {
  return path.length === 0 ? '' : `${pathText(path)}: `;
}

interface Described {
  path: Path;
  message: string;
  atKey?: boolean;
}

/**
 * A union (a source is a URL or an object) reports every branch; keep the one matching the value's
 * kind, with all of its problems.
 */
function pickUnionBranch(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const input = (issue as { input?: unknown }).input;
  const branches = issue.errors.filter((branch) => !refusesKind(branch, input));
  const chosen =
    branches.length === 1
      ? branches[0]
      : branches.length === 0 && isDeclaredFact(issue)
        ? scalarBranch(issue.errors)
        : undefined;
  if (!chosen || chosen.length === 0) return [issue];
  return chosen.flatMap((inner) => pickUnionBranch({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

/** A branch that refused the value as a whole for its kind (a mapping where a value was expected, or the reverse). */
function refusesKind(branch: readonly Issue[], input: unknown): boolean {
  return branch.every(
    (inner) =>
      inner.path.length === 0 &&
      (inner.code === 'invalid_type' || (inner.code === 'invalid_value' && isMapping(input))),
  );
}

/**
 * A declared fact's value (`facts.<name>`: its typed value, or `{ value, sources }`) has one plain
 * form, whose own wording (with its hints: "remove the quotes", "YAML 1.2 reads yes as a string")
 * says more than the list of forms. Elsewhere (a source entry: a URL or `{ url, ... }`; a free-form
 * fact: a string, a number, a boolean or a list) the accepted forms are listed.
 */
function isDeclaredFact(issue: Issue): boolean {
  const plain =
    issue.code === 'invalid_union'
      ? issue.errors.filter(
          (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.expected === 'object'),
        )
      : [];
  return issue.path.length === 2 && issue.path[0] === 'facts' && plain.length === 1;
}

/** Every branch refused the value's type: for a value that is not a mapping, the branch for a plain value says most. */
function scalarBranch(errors: readonly (readonly Issue[])[]) {
  return errors.find((branch) =>
    branch.some((inner) => inner.code === 'invalid_type' && inner.expected !== 'object' && !isMapping(inner.input)),
  );
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeIssue(schema: z.ZodType, issue: Issue): Described[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = [...new Set(schemasAt(schema, path).flatMap((at) => keysOf(at, input)))];
      if (path.length === 1 && path[0] === 'facts') return issue.keys.map((key) => undeclaredFact(key, known));
      return issue.keys.map((key) => {
        const hint = closest(key, known);
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''}${known.length ? ` (allowed: ${known.join(', ')})` : ''}`,
        };
      });
    }
    case 'invalid_type':
      return [{ path, message: invalidType(issue.expected, input) + nullHint(schema, path, input) }];
    case 'invalid_key':
      return issue.issues
        .flatMap((inner) => describeIssue(schema, { ...inner, path: [] } as Issue))
        .map((d) => ({
          path,
          atKey: true,
          message: `invalid key: ${d.message}`,
        }));
    case 'invalid_value': {
      if (input === undefined)
        return [{ path, message: `is required (expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')})` }];
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      const expected = allowed.length === 1 ? `expected ${allowed[0]}` : `expected one of ${allowed.join(', ')}`;
      return [{ path, message: `${expected}, got ${show(input)}${hint ? `; did you mean "${hint}"?` : ''}` }];
    }
    case 'invalid_format': {
      // Our own patterns carry their own wording; zod's built-in formats get ours.
      const expected = issue.format === 'regex' ? issue.message : formatExpectation(issue.format);
      return [{ path, message: `${expected}, got ${show(input)}` }];
    }
    case 'too_small':
      return [{ path, message: tooSmall(issue) }];
    case 'too_big':
      return [{ path, message: tooBig(issue) }];
    case 'invalid_union': {
      if (issue.discriminator !== undefined) return [{ path, message: badDiscriminator(issue, input) }];
      const forms = schemasAt(schema, path).flatMap(unionForms);
      const expected =
        forms.length > 0
          ? `expected ${alternatives(forms)}, got ${show(input)}`
          : `${show(input)} is not any of the accepted forms`;
      return [{ path, message: expected + nullHint(schema, path, input) }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/** A manifest's fact that the criteria set it is evaluated with does not declare (a typo, most often). */
function undeclaredFact(key: string, declared: string[]): Described {
  const hint = closest(key, declared);
  return {
    path: ['facts', key],
    atKey: true,
    message: `unknown fact "${key}"${hint ? `; did you mean "${hint}"?` : ''} (the criteria set declares: ${declared.join(', ') || 'none'})`,
  };
}

/** A tagged mapping (a fact declaration's `type`) whose tag is missing or not one of the known ones. */
function badDiscriminator(issue: z.core.$ZodIssueInvalidUnion, input: unknown): string {
  const tag = issue.discriminator as string;
  const value = isMapping(input) ? (input as Record<string, unknown>)[tag] : undefined;
  const options = (issue as { options?: unknown[] }).options ?? [];
  const allowed = options.map((option) => JSON.stringify(option)).join(', ');
  // zod reports it at the tag's own path (`facts.x.type`), with the whole mapping as input.
  if (value === undefined) return `is required (expected one of ${allowed})`;
  const hint = typeof value === 'string' ? closest(value, options.map(String)) : undefined;
  return `expected one of ${allowed}, got ${show(value)}${hint ? `; did you mean "${hint}"?` : ''}`;
}

/** What each branch of a union accepts, in words: "an http(s) URL", "a mapping {url, quote, retrieved}". */
function unionForms(union: z.ZodType): string[] {
  if (kindOf(union) !== 'union') return [];
  return optionsOf(union).map((option) => {
    const keys = keysOf(option);
    if (keys.length > 0) return `a mapping {${keys.join(', ')}}`;
    const description = option.description;
    if (description && /^An? /.test(description)) return description.charAt(0).toLowerCase() + description.slice(1);
    return article(kindOf(option));
  });
}

function alternatives(forms: string[]): string {
  return forms.length <= 1 ? forms.join('') : `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;
}

/** An uncommented template line with no value reads as null: say how to mean "unknown" instead. */
function nullHint(schema: z.ZodType, path: Path, input: unknown): string {
  return input === null && isOptionalAt(schema, path)
    ? ' (leave the line commented out, or remove it, to mean unknown)'
    : '';
}

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return `is required (expected ${article(expected)})`;
  let message = `expected ${article(expected)}, got ${show(input)}`;
  if (expected === 'boolean' && typeof input === 'string' && YAML11_BOOLEANS.has(input.toLowerCase())) {
    message += ` (YAML 1.2 reads ${input} as a string: write true or false)`;
  } else if (expected === 'number' || expected === 'int') {
    if (typeof input === 'string' && /^[\d.]+$/.test(input)) message += ' (remove the quotes)';
  } else if (expected === 'string' && typeof input === 'number') {
    message += ` (YAML reads ${input} as a number: put it in quotes, "${input}")`;
  }
  return message;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    boolean: 'a boolean (true or false)',
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
  };
  return names[expected] ?? expected;
}

function formatExpectation(format: string): string {
  const names: Record<string, string> = {
    url: 'expected an http(s) URL',
    date: 'expected a real date as YYYY-MM-DD',
  };
  return names[format] ?? `expected ${format}`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
  if (issue.origin === 'array')
    return `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
  return `must be at least ${issue.minimum}, got ${show((issue as { input?: unknown }).input)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  if (issue.origin === 'string') return `is too long (at most ${issue.maximum} characters)`;
  if (issue.origin === 'array') return `has too many items (at most ${issue.maximum})`;
  return `must be at most ${issue.maximum}, got ${show((issue as { input?: unknown }).input)}`;
}

/** A short, single-line rendering of a value from the input, for messages. */
export function show(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const clipped = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(clipped);
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value))
    return 'a number too large to be exact';
  return `${typeof value} ${String(value)}`;
}
