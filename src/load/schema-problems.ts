import type { z } from 'zod';
import { closest } from '../schema/suggest.js';
import { keysOf, schemasAt } from '../schema/walk.js';
import { compareProblems, type Problem } from './problem.js';
import { type Path, pathText } from '../path.js';
import { locate, type YamlSource } from './source.js';

type Issue = z.core.$ZodIssue;

const YAML11_BOOLEANS = new Set(['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false']);

/** Turns a zod validation failure into problems worded for a person and pinned to the YAML source. */
export function schemaProblems(schema: z.ZodType, issues: readonly Issue[], source: YamlSource, base: Path = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    for (const { path, message, atKey } of describeIssue(schema, pickUnionBranch(issue))) {
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

/** A union (a source is a URL or an object) reports every branch; keep the one matching the value's kind. */
function pickUnionBranch(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  const chosen = branches.length === 1 ? branches[0] : undefined;
  const first = chosen?.[0];
  if (!first) return issue;
  return pickUnionBranch({ ...first, path: [...issue.path, ...first.path] } as Issue);
}

function describeIssue(schema: z.ZodType, issue: Issue): Described[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = schemasAt(schema, path).flatMap(keysOf);
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
      return [{ path, message: invalidType(issue.expected, input) }];
    case 'invalid_key':
      return issue.issues.flatMap((inner) => describeIssue(schema, { ...inner, path: [] } as Issue)).map((d) => ({
        path,
        atKey: true,
        message: `invalid key: ${d.message}`,
      }));
    case 'invalid_value': {
      if (input === undefined) return [{ path, message: `is required (expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')})` }];
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
    case 'invalid_union':
      return [{ path, message: `${show(input)} is not any of the accepted forms` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return `is required (expected ${article(expected)})`;
  let message = `expected ${article(expected)}, got ${show(input)}`;
  if (expected === 'boolean' && typeof input === 'string' && YAML11_BOOLEANS.has(input.toLowerCase())) {
    message += ` (YAML 1.2 reads ${input} as a string: write true or false)`;
  } else if (expected === 'number' || expected === 'int') {
    if (typeof input === 'string' && /^[\d.]+$/.test(input)) message += ' (remove the quotes)';
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
  if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
  if (issue.origin === 'array') return `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
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
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) return 'a number too large to be exact';
  return `${typeof value} ${String(value)}`;
}
