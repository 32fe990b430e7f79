import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { installedCriteriaDir } from '../paths.js';
import { closest } from '../schema/suggest.js';
import { type CriteriaLoad, type CriteriaSet, criteriaFromYaml, type Criterion } from './criteria.js';
import type { Limits } from './limits.js';
import { mergeByName, mergeFactDeclarations } from './merge-by-name.js';
import type { Problem } from './problem.js';
import { readText } from './read-file.js';
import { locate, type ParsedYaml, type YamlSource } from './source.js';
import { parseCriteriaYaml } from './criteria-parse-cache.js';

/** Ids of the criteria sets shipped with pgcheck. */
export function installedCriteriaIds(directory = installedCriteriaDir): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

export function looksLikePath(reference: string): boolean {
  return /[/\\]/.test(reference) || /\.ya?ml$/i.test(reference);
}

/** How many sets `extends` may chain through: far beyond real use, and a bound on hostile input. */
const MAX_EXTENDS_DEPTH = 16;

interface LoadOptions {
  limits: Partial<Limits> | undefined;
  directory: string;
}

/** A file on the way down an `extends` chain, as named and as it really is (to see a cycle through links). */
interface Link {
  file: string;
  real: string;
}

/**
 * Reads, parses and validates a criteria file, reporting every problem at once, and follows its
 * `extends`: the set then holds the inherited criteria first (each marked with the set it comes
 * from), then its own. `directory` holds the installed sets an `extends: <id>` may name.
 */
export function loadCriteriaFile(
  file: string,
  limits?: Partial<Limits>,
  directory = installedCriteriaDir,
): Promise<CriteriaLoad> {
  return loadInChain(file, { limits, directory }, []);
}

async function loadInChain(file: string, options: LoadOptions, chain: readonly Link[]): Promise<CriteriaLoad> {
  const read = await readText(file, options.limits);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  return followExtends(parseCriteriaYaml(file, read.text, options.limits), options, chain);
}

/**
 * A criteria file already read and parsed (as `validate` reads every file), with its `extends`
 * followed as loadCriteriaFile does.
 */
export function criteriaFromParsed(
  parsed: ParsedYaml,
  limits?: Partial<Limits>,
  directory = installedCriteriaDir,
): Promise<CriteriaLoad> {
  return followExtends(parsed, { limits, directory }, []);
}

async function followExtends(parsed: ParsedYaml, options: LoadOptions, chain: readonly Link[]): Promise<CriteriaLoad> {
  const file = parsed.source.file;
  const reference = extendsOf(parsed.value);
  if (parsed.problems.length > 0 || reference === undefined) return criteriaFromYaml(parsed);
  // The parent comes first: the set's own checks may read the facts it declares.
  const parent = await loadParent(reference, file, parsed.source, options, [
    ...chain,
    { file, real: realPathOf(file) },
  ]);
  const load = criteriaFromYaml(parsed, parent.ok ? parent.set.facts : undefined);
  if (!parent.ok) return { ok: false, file, problems: [...(load.ok ? [] : load.problems), ...parent.problems] };
  if (!load.ok) return load;
  return inherit(load.set, parent.set, reference, parsed.source);
}

function extendsOf(value: unknown): string | undefined {
  const reference = (value as { extends?: unknown } | null)?.extends;
  return typeof reference === 'string' ? reference : undefined;
}

/** The set `extends` names, loaded; its problems, or why it cannot be loaded, at the `extends` line. */
async function loadParent(
  reference: string,
  file: string,
  source: YamlSource,
  options: LoadOptions,
  chain: readonly Link[],
): Promise<CriteriaLoad> {
  const failed = (message: string, more: Problem[] = []): CriteriaLoad => ({
    ok: false,
    file,
    problems: [{ file, ...locate(source, ['extends']), message }, ...more],
  });
  const parentFile = parentFileOf(reference, file, options.directory);
  if ('message' in parentFile) return failed(`extends: ${parentFile.message}`);
  const real = realPathOf(parentFile.file);
  const loop = chain.findIndex((link) => link.real === real);
  if (loop >= 0) {
    const cycle = [...chain.slice(loop).map((link) => link.file), parentFile.file].join(' extends ');
    return failed(`extends: ${reference} makes a cycle: ${cycle}`);
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) return failed(`extends: more than ${MAX_EXTENDS_DEPTH} criteria sets deep`);
  const parent = await loadInChain(parentFile.file, options, chain);
  if (!parent.ok)
    return failed(`extends: the criteria set ${reference} (${parentFile.file}) is invalid`, parent.problems);
  return parent;
}

/** The set with what it inherits: the parent's criteria and fact declarations first, then its own. */
function inherit(set: CriteriaSet, parentSet: CriteriaSet, reference: string, source: YamlSource): CriteriaLoad {
  // A clash is reported at the key that names the criterion or fact again.
  const at = (path: (string | number)[], message: string, key = false): Problem => ({
    file: set.file,
    ...locate(source, path, { key }),
    message,
  });
  const inherited = parentSet.criteria.map(
    (criterion): Criterion => (criterion.from === undefined ? { ...criterion, from: parentSet.id } : criterion),
  );
  const { merged, clashes } = mergeByName(inherited, set.criteria, (criterion) => criterion.id);
  const facts = mergeFactDeclarations(parentSet.facts, set.facts);
  const problems = [
    ...clashes.map(({ name, index, inherited: earlier }) =>
      at(
        ['criteria', index, 'id'],
        `criteria[${index}].id: criterion id "${name}" is already inherited from ${earlier.from} (extends: ${reference}); give this criterion another id`,
      ),
    ),
    ...facts.clashes.map((name) =>
      at(
        ['facts', name],
        `facts.${name}: the fact "${name}" is already declared by ${parentSet.id} (extends: ${reference}); use it as declared there, or give this fact another name`,
        true,
      ),
    ),
  ];
  if (problems.length > 0) return { ok: false, file: set.file, problems };
  const maxAge = set.max_age ?? parentSet.max_age;
  const declared = parentSet.facts === undefined && set.facts === undefined ? {} : { facts: facts.merged };
  return {
    ok: true,
    set: { ...set, ...(maxAge === undefined ? {} : { max_age: maxAge }), ...declared, criteria: merged },
  };
}

/** The file `extends` names: a path relative to the extending file, or the id of an installed set. */
function parentFileOf(reference: string, file: string, directory: string): { file: string } | { message: string } {
  if (looksLikePath(reference)) return { file: isAbsolute(reference) ? reference : join(dirname(file), reference) };
  const ids = installedCriteriaIds(directory);
  if (ids.includes(reference)) return { file: join(directory, `${reference}.yaml`) };
  const hint = closest(reference, ids);
  return {
    message: `unknown criteria set "${reference}"${hint ? `; did you mean "${hint}"?` : ''} (installed: ${ids.join(', ') || 'none'}; or a path relative to this file)`,
  };
}

/** The file with its links resolved, or its absolute path when it cannot be resolved (missing, say). */
export function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}
