import { existsSync, readdirSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { installedCriteriaDir } from '../paths.js';
import { closest } from '../schema/suggest.js';
import { type CriteriaLoad, type CriteriaSet, criteriaFromYaml, type Criterion } from './criteria.js';
import type { Limits } from './limits.js';
import { mergeByName } from './merge-by-name.js';
import type { Problem } from './problem.js';
import { readText } from './read-file.js';
import { locate, parseYaml, type YamlSource } from './source.js';

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
export function loadCriteriaFile(file: string, limits?: Partial<Limits>, directory = installedCriteriaDir): Promise<CriteriaLoad> {
  return loadInChain(file, { limits, directory }, []);
}

async function loadInChain(file: string, options: LoadOptions, chain: readonly Link[]): Promise<CriteriaLoad> {
  const read = await readText(file, options.limits);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  const parsed = parseYaml(file, read.text, options.limits);
  const load = criteriaFromYaml(parsed);
  if (!load.ok || load.set.extends === undefined) return load;
  return inherit(load.set, load.set.extends, parsed.source, options, [...chain, { file, real: await realPathOf(file) }]);
}

async function inherit(set: CriteriaSet, reference: string, source: YamlSource, options: LoadOptions, chain: readonly Link[]): Promise<CriteriaLoad> {
  const at = (path: (string | number)[], message: string): Problem => ({ file: set.file, ...locate(source, path), message });
  const failed = (problems: Problem[]): CriteriaLoad => ({ ok: false, file: set.file, problems });
  const parentFile = parentFileOf(reference, set.file, options.directory);
  if ('message' in parentFile) return failed([at(['extends'], `extends: ${parentFile.message}`)]);
  const real = await realPathOf(parentFile.file);
  const loop = chain.findIndex((link) => link.real === real);
  if (loop >= 0) {
    const cycle = [...chain.slice(loop).map((link) => link.file), parentFile.file].join(' extends ');
    return failed([at(['extends'], `extends: ${reference} makes a cycle: ${cycle}`)]);
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) return failed([at(['extends'], `extends: more than ${MAX_EXTENDS_DEPTH} criteria sets deep`)]);
  const parent = await loadInChain(parentFile.file, options, chain);
  if (!parent.ok) return failed([at(['extends'], `extends: the criteria set ${reference} (${parentFile.file}) is invalid`), ...parent.problems]);
  const inherited = parent.set.criteria.map((criterion): Criterion => (criterion.from === undefined ? { ...criterion, from: parent.set.id } : criterion));
  const { merged, clashes } = mergeByName(inherited, set.criteria, (criterion) => criterion.id);
  if (clashes.length > 0) {
    return failed(
      clashes.map(({ name, index, inherited: earlier }) =>
        at(['criteria', index, 'id'], `criteria[${index}].id: criterion id "${name}" is already inherited from ${earlier.from} (extends: ${reference}); give this criterion another id`),
      ),
    );
  }
  const maxAge = set.max_age ?? parent.set.max_age;
  return { ok: true, set: { ...set, ...(maxAge === undefined ? {} : { max_age: maxAge }), criteria: merged } };
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

async function realPathOf(file: string): Promise<string> {
  return realpath(file).catch(() => resolve(file));
}
