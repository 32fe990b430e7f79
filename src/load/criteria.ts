import { type CheckProblem, compileCheck } from '../operators/compile.js';
import type { CompiledCheck } from '../operators/operator.js';
import { type CriteriaSetInput, criteriaSetSchema, type Level } from '../schema/criteria.js';
import { type FactDeclarations, factDeclarationsSchema } from '../schema/facts.js';
import { manifestSchemaFor } from '../schema/manifest.js';
import type { Limits } from './limits.js';
import { compareProblems, type Problem } from './problem.js';
import { formatPath, schemaProblems } from './schema-problems.js';
import { locate, type ParsedYaml, parseYaml, type YamlSource } from './source.js';

export interface Criterion {
  id: string;
  level: Level;
  text: string;
  judged: string;
  help?: string;
  /** Every claim the result relies on must have a source in the manifest. */
  evidenceRequired?: boolean;
  appliesWhen?: CompiledCheck;
  check: CompiledCheck;
  /** Id of the set that declares the criterion, when it is inherited through `extends`. */
  from?: string;
}

export interface CriteriaSet {
  id: string;
  title: string;
  source: string;
  /** Where the source page's markdown can be fetched, for drift checks. */
  upstream?: string;
  revision: string;
  description?: string;
  /** How old evidence may be, e.g. `12 months` (inherited through `extends` when the set gives none). */
  max_age?: string;
  /** The set this one extends, as the file names it (installed id or relative path). */
  extends?: string;
  /** The facts the set reads beyond the built-in sections; without them `facts` is free-form. */
  facts?: FactDeclarations;
  file: string;
  criteria: Criterion[];
}

export type CriteriaLoad = { ok: true; set: CriteriaSet } | { ok: false; file: string; problems: Problem[] };

/**
 * Parses and validates a criteria file, compiling its checks; reports every problem at once. Pure:
 * an `extends` is kept as written, not followed (loadCriteriaFile in criteria-file.ts follows it).
 */
export function parseCriteria(file: string, text: string, limits?: Partial<Limits>): CriteriaLoad {
  return criteriaFromYaml(parseYaml(file, text, limits));
}

/**
 * parseCriteria for YAML already parsed, so a caller that inspected it does not parse it again.
 * `inheritedFacts`: the fact declarations of the set it extends, which its checks may read too.
 */
export function criteriaFromYaml(parsed: ParsedYaml, inheritedFacts?: FactDeclarations): CriteriaLoad {
  const file = parsed.source.file;
  if (parsed.problems.length > 0) return { ok: false, file, problems: parsed.problems };
  const result = criteriaSetSchema.safeParse(parsed.value, { reportInput: true });
  const checkProblems: CheckProblem[] = [];
  // Checks are compiled even when other fields are wrong, so one run shows every problem.
  const own = factsOf(parsed.value);
  const readable = inheritedFacts === undefined && own === undefined ? undefined : { ...inheritedFacts, ...own };
  const criteria = compileCriteria(rawCriteria(parsed.value), readable, checkProblems);
  const problems = [
    ...(result.success ? [] : schemaProblems(criteriaSetSchema, result.error.issues, parsed.source)),
    ...toProblems(checkProblems, parsed.source),
  ].sort(compareProblems);
  if (!result.success || problems.length > 0) return { ok: false, file, problems };
  const { criteria: _raw, pgcheck_criteria: _format, ...meta } = result.data;
  return { ok: true, set: { ...meta, file, criteria } };
}

/**
 * The declared facts, when they are all valid; otherwise none, so that checks reading a fact whose
 * declaration is wrong are not reported a second time (the declaration's problem is).
 */
function factsOf(value: unknown): FactDeclarations | undefined {
  const facts = (value as { facts?: unknown } | null)?.facts;
  if (facts === undefined) return undefined;
  const parsed = factDeclarationsSchema.safeParse(facts);
  return parsed.success ? parsed.data : undefined;
}

function rawCriteria(value: unknown): Partial<CriteriaSetInput['criteria'][number]>[] {
  const list = (value as { criteria?: unknown } | null)?.criteria;
  return Array.isArray(list) ? list.map((item) => (item !== null && typeof item === 'object' ? item : {})) : [];
}

function compileCriteria(
  raws: Partial<CriteriaSetInput['criteria'][number]>[],
  facts: FactDeclarations | undefined,
  problems: CheckProblem[],
): Criterion[] {
  const scope = { schema: manifestSchemaFor(facts, 'value') };
  const seen = new Set<string>();
  return raws.flatMap((raw, index) => {
    const at = ['criteria', index];
    if (typeof raw.id === 'string' && seen.has(raw.id))
      problems.push({ path: [...at, 'id'], message: `criterion id "${raw.id}" is used twice` });
    if (typeof raw.id === 'string') seen.add(raw.id);
    const check = raw.check === undefined ? undefined : compileCheck(raw.check, [...at, 'check'], scope, problems);
    const appliesWhen = raw.applies_when && compileCheck(raw.applies_when, [...at, 'applies_when'], scope, problems);
    if (!check || (raw.applies_when && !appliesWhen) || !raw.id || !raw.level || !raw.text || !raw.judged) return [];
    const criterion: Criterion = { id: raw.id, level: raw.level, text: raw.text, judged: raw.judged, check };
    if (raw.help) criterion.help = raw.help;
    if (raw.evidence === 'required') criterion.evidenceRequired = true;
    if (appliesWhen) criterion.appliesWhen = appliesWhen;
    return [criterion];
  });
}

function toProblems(problems: CheckProblem[], source: YamlSource): Problem[] {
  return problems
    .flatMap((problem) => {
      if (problem.issue) return schemaProblems(problem.issue.schema, [problem.issue.detail], source, problem.path);
      const { line, column } = locate(source, problem.path, { key: problem.atKey });
      return [{ file: source.file, line, column, message: `${formatPath(problem.path)}${problem.message}` }];
    })
    .sort(compareProblems);
}
