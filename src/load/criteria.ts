import { type CheckProblem, compileCheck } from '../operators/compile.js';
import type { CompiledCheck } from '../operators/operator.js';
import { type CriteriaSetInput, criteriaSetSchema, type Level } from '../schema/criteria.js';
import { manifestSchema } from '../schema/manifest.js';
import type { Limits } from './limits.js';
import { compareProblems, type Problem } from './problem.js';
import { readText } from './read-file.js';
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
}

export interface CriteriaSet {
  id: string;
  title: string;
  source: string;
  /** Where the source page's markdown can be fetched, for drift checks. */
  upstream?: string;
  revision: string;
  description?: string;
  /** How old evidence may be, e.g. `12 months`. */
  max_age?: string;
  file: string;
  criteria: Criterion[];
}

export type CriteriaLoad = { ok: true; set: CriteriaSet } | { ok: false; file: string; problems: Problem[] };

/** Parses and validates a criteria file, compiling its checks; reports every problem at once. */
export function parseCriteria(file: string, text: string, limits?: Partial<Limits>): CriteriaLoad {
  return criteriaFromYaml(parseYaml(file, text, limits));
}

/** parseCriteria for YAML already parsed, so a caller that inspected it does not parse it again. */
export function criteriaFromYaml(parsed: ParsedYaml): CriteriaLoad {
  const file = parsed.source.file;
  if (parsed.problems.length > 0) return { ok: false, file, problems: parsed.problems };
  const result = criteriaSetSchema.safeParse(parsed.value, { reportInput: true });
  const checkProblems: CheckProblem[] = [];
  // Checks are compiled even when other fields are wrong, so one run shows every problem.
  const criteria = compileCriteria(rawCriteria(parsed.value), checkProblems);
  const problems = [
    ...(result.success ? [] : schemaProblems(criteriaSetSchema, result.error.issues, parsed.source)),
    ...toProblems(checkProblems, parsed.source),
  ].sort(compareProblems);
  if (!result.success || problems.length > 0) return { ok: false, file, problems };
  const { criteria: _raw, pgcheck_criteria: _format, ...meta } = result.data;
  return { ok: true, set: { ...meta, file, criteria } };
}

function rawCriteria(value: unknown): Partial<CriteriaSetInput['criteria'][number]>[] {
  const list = (value as { criteria?: unknown } | null)?.criteria;
  return Array.isArray(list) ? list.map((item) => (item !== null && typeof item === 'object' ? item : {})) : [];
}

export async function loadCriteriaFile(file: string, limits?: Partial<Limits>): Promise<CriteriaLoad> {
  const read = await readText(file, limits);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  return parseCriteria(file, read.text, limits);
}

function compileCriteria(raws: Partial<CriteriaSetInput['criteria'][number]>[], problems: CheckProblem[]): Criterion[] {
  const scope = { schema: manifestSchema };
  const seen = new Set<string>();
  return raws.flatMap((raw, index) => {
    const at = ['criteria', index];
    if (typeof raw.id === 'string' && seen.has(raw.id)) problems.push({ path: [...at, 'id'], message: `criterion id "${raw.id}" is used twice` });
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
