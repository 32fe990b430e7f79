import { stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { errorReason } from '../load/read-file.js';
import { packageRoot } from '../paths.js';
import { makeDirectory } from '../run/output-path.js';
import { CriteriaCatalog } from '../run/criteria-info.js';
import { CriteriaError } from '../run/evaluate-files.js';
import { manifestSchema } from '../schema/manifest.js';
import type { Problem } from '../load/problem.js';
import type { CriteriaSet } from '../load/criteria.js';
import type { FactDeclarations } from '../schema/facts.js';
import { pathsReadBy } from '../engine/check-paths.js';
import { manifestTemplate } from './manifest-template.js';

export interface InitManifestOptions {
  name: string;
  /** Installed id or path of a criteria file; by default the only installed set, if there is one. */
  category?: string;
  /** Overwrite an existing file. */
  force?: boolean;
  /** Where installed criteria sets live (tests point this elsewhere). */
  criteriaDir?: string;
  /** `--criteria-dir`: directories of criteria sets `category` may name besides the installed ones. */
  criteriaDirs?: readonly string[];
}

export type InitManifestResult =
  | { ok: true; text: string /** The file written; absent when there was none to write. */; file?: string }
  | { ok: false; message: string; problems: Problem[] };

/**
 * Builds a starter manifest for `name` and, given a target, writes it there: to the file named, or
 * for a directory to `<directory>/<name as a file name>.yaml`. Never overwrites without `force`.
 */
export async function initManifest(
  target: string | undefined,
  options: InitManifestOptions,
): Promise<InitManifestResult> {
  const name = manifestSchema.shape.name.safeParse(options.name);
  if (!name.success) return failure(`--name must be 1 to 200 characters, got ${options.name.length}`);
  const category = await resolveCategory(options);
  if ('message' in category) return { ok: false, ...category };
  const base = {
    name: options.name,
    category: category.id,
    usedBy: category.usedBy,
    ...(category.facts ? { facts: category.facts } : {}),
    ...(category.setReference ? { setReference: category.setReference } : {}),
    ...(category.schemaFile ? { schemaFile: category.schemaFile } : {}),
  };
  if (target === undefined) return { ok: true, text: manifestTemplate(base) };
  const file = await targetFile(target, options.name);
  if (file === undefined)
    return failure(
      `cannot make a file name from --name ${JSON.stringify(options.name)}; name the file: pgcheck init <file>`,
    );
  const unusable = isDirectoryTarget(target) ? await makeDirectory(target) : undefined;
  if (unusable) return failure(unusable);
  const location = schemaLocationFor(file, category.schemaFile);
  const text = manifestTemplate(location === undefined ? base : { ...base, schemaLocation: location });
  try {
    await writeFile(file, text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return failure(`${file} already exists; pass --force to overwrite it`);
    return failure(`cannot write ${file}: ${errorReason(error)}`);
  }
  return { ok: true, text, file };
}

function failure(message: string): InitManifestResult {
  return { ok: false, message, problems: [] };
}

type Category = {
  id: string;
  usedBy: Map<string, string[]>;
  facts?: FactDeclarations;
  setReference?: string;
  schemaFile?: string;
};

async function resolveCategory(
  options: InitManifestOptions,
): Promise<Category | { message: string; problems: Problem[] }> {
  const catalog = new CriteriaCatalog(options.criteriaDir, { criteriaDirs: options.criteriaDirs ?? [] });
  const ids = catalog.installedIds();
  const reference = options.category ?? (ids.length === 1 ? ids[0] : undefined);
  if (reference === undefined)
    return { message: `give the category with --category (installed: ${ids.join(', ') || 'none'})`, problems: [] };
  try {
    const set = await catalog.load(reference);
    return {
      id: set.id,
      usedBy: fieldsUsedBy(set),
      ...(set.facts ? { facts: set.facts, setReference: reference } : {}),
      ...(set.facts && ids.includes(reference) ? { schemaFile: categorySchemaFile(set.id) } : {}),
    };
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    return { message: `--category ${error.message}`, problems: error.problems };
  }
}

/** Which criteria read each manifest field, so the template can say what the category needs. */
function fieldsUsedBy(set: CriteriaSet): Map<string, string[]> {
  const usedBy = new Map<string, string[]>();
  for (const criterion of set.criteria) {
    const checks = criterion.appliesWhen ? [criterion.appliesWhen, criterion.check] : [criterion.check];
    for (const path of new Set(checks.flatMap((check) => pathsReadBy(check))))
      usedBy.set(path, [...(usedBy.get(path) ?? []), criterion.id]);
  }
  return usedBy;
}

/** The file to write: `target` itself, or inside an existing directory a file named after the tool. */
async function targetFile(target: string, name: string): Promise<string | undefined> {
  const isDirectory =
    isDirectoryTarget(target) ||
    (await stat(target).then(
      (info) => info.isDirectory(),
      () => false,
    ));
  if (!isDirectory) return target;
  const slug = fileNameOf(name);
  return slug && join(target, `${slug}.yaml`);
}

/** A path ending in a separator names a directory, made if it does not exist yet. */
function isDirectoryTarget(target: string): boolean {
  return target.endsWith('/') || target.endsWith(sep);
}

/** "Ente Photos" → "ente-photos": lower-case letters and digits, other runs of characters become one hyphen. */
export function fileNameOf(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || undefined;
}

/** The schema/ file `npm run schema` writes for an installed set that declares facts. */
export function categorySchemaFile(id: string): string {
  return `${id}.manifest.schema.json`;
}

/** Inside a pgcheck checkout the schema is referenced by relative path, as the shipped candidates do; elsewhere by URL. */
function schemaLocationFor(file: string, schemaFile = 'manifest.schema.json'): string | undefined {
  const absolute = resolve(file);
  const root = resolve(packageRoot);
  if (!absolute.startsWith(root + sep) || absolute.includes(`${sep}node_modules${sep}`)) return undefined;
  return relative(dirname(absolute), join(root, 'schema', schemaFile))
    .split(sep)
    .join('/');
}
