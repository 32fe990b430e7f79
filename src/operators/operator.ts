import { z } from 'zod';
import { isFactPath, isLongForm } from '../engine/fact-forms.js';
import type { Finding, OperatorFinding } from '../engine/findings.js';
import type { Path } from '../path.js';

export type Status = 'pass' | 'fail' | 'unknown';

/** What one check concluded, why, and which manifest values it rested on. */
export interface Outcome {
  status: Status;
  finding: Finding;
  /** The manifest path that decided the outcome, for pointing at a line. */
  path: Path;
  /** Every manifest path the outcome relied on. */
  reads: Path[];
}

/** A check from a criteria file after its options were validated. */
export interface CompiledCheck {
  operator: Operator;
  options: unknown;
  children: CompiledCheck[];
}

export interface Context {
  /** The object paths are read from: the manifest, or an element of a list inside `some`/`every`. */
  scope: unknown;
  /** Absolute manifest path of `scope`. */
  prefix: Path;
  /** The day evaluated as of (YYYY-MM-DD), for checks on dates; undefined when none was given. */
  asOf: string | undefined;
  /** Runs a sub-check in the same evaluation (so it sees the same day); call it as `ctx.run(...)`. */
  run(check: CompiledCheck, scope: unknown, prefix: Path): Outcome;
}

export interface Subcheck {
  /** Where the sub-check sits inside this operator's options, for error positions. */
  at: Path;
  node: unknown;
  /** A path (relative to the current scope) whose list elements become the sub-check's scope. */
  scopePath?: string;
}

/** A finding in words: what is the case and, when it falls short, what is needed (said after "needs"). */
export interface Explanation {
  fact: string;
  need?: string | undefined;
}

/** How an operator words the findings of its sub-checks. */
export interface Words {
  /** The whole reason: what is the case and what is needed. */
  describe(finding: Finding): string;
  /** What is the case, without what is needed. */
  fact(finding: Finding): string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds operators of every option and finding type
export interface Operator<Options = any, F extends OperatorFinding = any> {
  name: string;
  /** One line for docs and `criteria show`. */
  summary: string;
  options: z.ZodType<Options>;
  subchecks?(options: Options): Subcheck[];
  /** Extra load-time validation against the schema of the manifest field at `options.path`. */
  checkField?(options: Options, field: z.ZodType): string | undefined;
  /** The check in plain words, given its sub-checks in plain words. */
  describe(options: Options, children: string[]): string;
  evaluate(options: Options, ctx: Context, children: CompiledCheck[]): Outcome;
  /** Its own findings (those whose code is its name) as a reason a reviewer can act on. */
  explain(finding: F, words: Words): Explanation;
}

export function defineOperator<Options, F extends OperatorFinding>(
  operator: Operator<Options, F>,
): Operator<Options, F> {
  return operator;
}

export const absentPolicy = z.enum(['unknown', 'pass', 'fail']).default('unknown');
export type AbsentPolicy = z.infer<typeof absentPolicy>;

export const manifestPath = z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_-]*)*$/, {
  error: 'expected a dotted manifest path such as authentication.mfa',
});

export function splitPath(path: string): string[] {
  return path.split('.');
}

// Criteria use a handful of paths, read for every manifest: each is split once.
const segmentsOf = new Map<string, readonly string[]>();

function segments(path: string): readonly string[] {
  let split = segmentsOf.get(path);
  if (!split) {
    split = Object.freeze(splitPath(path));
    segmentsOf.set(path, split);
  }
  return split;
}

export function read(ctx: Context, path: string): { found: boolean; value: unknown; path: Path } {
  const names = segments(path);
  // Paths are never changed once made, so a top-level read can hand out the shared segments.
  const absolute = ctx.prefix.length === 0 ? names : [...ctx.prefix, ...names];
  let value: unknown = ctx.scope;
  for (const segment of names) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, segment)) {
      return { found: false, value: undefined, path: absolute };
    }
    value = (value as Record<string, unknown>)[segment];
  }
  if (isFactPath(absolute) && isLongForm(value)) value = value.value;
  return { found: value !== undefined, value, path: absolute };
}

/**
 * Reads `path` and hands its value to `decide`; a missing value becomes the `absent` policy's status
 * (unknown by default: a fact nobody recorded is not a "no").
 */
export function leaf(
  ctx: Context,
  options: { path: string; absent: AbsentPolicy },
  decide: (value: unknown, path: Path) => Omit<Outcome, 'path' | 'reads'>,
): Outcome {
  const found = read(ctx, options.path);
  if (!found.found) {
    return {
      status: options.absent,
      finding: { code: 'absent', path: found.path },
      path: found.path,
      reads: [found.path],
    };
  }
  const { status, finding } = decide(found.value, found.path);
  // Properties written out rather than `{ ...decided, path }`: V8 takes a slow path for a spread followed by more properties, and this runs for every check of every manifest.
  return { status, finding, path: found.path, reads: [found.path] };
}

export function statusOf(ok: boolean): Status {
  return ok ? 'pass' : 'fail';
}

/** Validates each of `values` against the field's schema, naming the first that does not fit. */
export function valuesFitField(values: unknown[], field: z.ZodType): string | undefined {
  for (const value of values) {
    if (!field.safeParse(value).success) return `${JSON.stringify(value)} can never be a value of this field`;
  }
  return undefined;
}
