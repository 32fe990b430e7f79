import { type Limits, withDefaults } from '../load/limits.js';
import { CriteriaCache, installedCriteriaIds, unknownSetMessage } from '../load/criteria-sets.js';
import type { CriteriaLoad, CriteriaSet } from '../load/criteria.js';
import { criteriaFromParsed } from '../load/criteria-file.js';
import { installedCriteriaDir } from '../paths.js';
import { compareFiles, discoverFiles } from '../load/discover.js';
import { criteriaDefinitionOf, isCriteriaDocument } from '../load/kind.js';
import { manifestFromYaml, rawCategory } from '../load/manifest.js';
import type { FactDeclarations } from '../schema/facts.js';
import type { Problem } from '../load/problem.js';
import { readText } from '../load/read-file.js';
import { todoCheckWarnings } from '../load/todo-checks.js';
import { locate, type ParsedYaml, parseYaml, type YamlSource } from '../load/source.js';
import { requireCriteria } from './criteria-option.js';
import { unknownCriterionNote } from '../engine/waivers.js';
import type { Manifest } from '../schema/manifest.js';
import { waiverProblems } from './waiver-problems.js';
import { futureDateProblems } from './future-dates.js';
import { today } from './today.js';

/** What a file was taken to be: `unknown` when it could not be read or parsed far enough to tell. */
export type FileKind = 'manifest' | 'criteria' | 'unknown';

export interface FileValidation {
  file: string;
  kind: FileKind;
  valid: boolean;
  /** A manifest's category, or a criteria file's id, when the file got far enough to have one. */
  id?: string;
  /** For a valid criteria file, how many criteria it holds. */
  criteria?: number;
  problems: Problem[];
  /** Things worth changing that do not make the file invalid (a deprecated licence id, a criterion not yet expressed as a check); present only when there are some. */
  warnings?: Problem[];
}

export interface Validation {
  /** Every file checked, sorted; a path that could not be read at all is an invalid file of kind `unknown`. */
  files: FileValidation[];
  summary: { files: number; valid: number; invalid: number };
}

export interface ValidateFilesOptions {
  /** Id or path of a criteria set manifests may name in `category` besides the installed ones. */
  criteria?: string;
  /** Where installed criteria sets live (tests point this elsewhere). */
  criteriaDir?: string;
  /** `--criteria-dir`: directories of criteria sets manifests may name in `category`, after the installed ones and those among `paths`. */
  criteriaDirs?: readonly string[];
  /** Bounds on untrusted input; any not given keeps its default. */
  limits?: Partial<Limits>;
}

/**
 * Checks manifests and criteria files without evaluating anything: each file is recognised by its
 * top-level key and validated with its schema; a manifest's `category` must name a criteria set.
 * Throws CriteriaError when `options.criteria` names no usable set, since then nothing can be checked.
 */
export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions = {}): Promise<Validation> {
  const limits = withDefaults(options.limits);
  const cache = new CriteriaCache(options.criteriaDir, limits, {
    searchPaths: [...paths],
    criteriaDirs: [...(options.criteriaDirs ?? [])],
  });
  const given =
    options.criteria === undefined
      ? undefined
      : await requireCriteria(cache, options.criteria, `--criteria ${options.criteria}`);
  const { files: found, problems: errors } = await discoverFiles(paths, limits);
  const directory = options.criteriaDir ?? installedCriteriaDir;
  const context: CategoryContext = { cache, given, directory, installed: installedCriteriaIds(directory), limits };
  const files: FileValidation[] = [];
  for (const file of found) files.push(await validateFile(file, context));
  addProblems(files, await cache.conflicts());
  // A mistyped or empty folder must not pass CI as "0 files, all valid".
  const unread = found.length === 0 && errors.length === 0 ? nothingFound(paths) : errors;
  for (const error of unread) files.push({ file: error.file, kind: 'unknown', valid: false, problems: [error] });
  files.sort((a, b) => compareFiles(a.file, b.file));
  const valid = files.filter((entry) => entry.valid).length;
  return { files, summary: { files: files.length, valid, invalid: files.length - valid } };
}

interface CategoryContext {
  cache: CriteriaCache;
  /** Where installed criteria sets live. */
  directory: string;
  given: CriteriaSet | undefined;
  installed: string[];
  limits: Limits;
}

/** Validates one file's text, telling a criteria file from a manifest by its top-level key. */
async function validateFile(file: string, context: CategoryContext): Promise<FileValidation> {
  const { limits } = context;
  const read = await readText(file, limits);
  if ('problem' in read) return { file, kind: 'unknown', valid: false, problems: [read.problem] };
  const parsed = parseYaml(file, read.text, limits);
  if (parsed.problems.length > 0) return { file, kind: 'unknown', valid: false, problems: parsed.problems };
  if (isCriteriaDocument(parsed.source)) {
    const definition = criteriaDefinitionOf(parsed);
    if (definition) context.cache.register(definition);
    const load = await criteriaFromFile(parsed, context);
    if (!load.ok) return { file, kind: 'criteria', valid: false, ...idOf(parsed.value), problems: load.problems };
    const warnings = todoCheckWarnings(parsed.value, parsed.source);
    return {
      file,
      kind: 'criteria',
      valid: true,
      id: load.set.id,
      criteria: load.set.criteria.length,
      problems: [],
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
  const category = rawCategory(parsed.value);
  const load = manifestFromYaml(parsed, await declaredFacts(category, context));
  if (!load.ok) {
    // An unknown category is said too: its facts were read as free-form, so their problems alone would mislead.
    const complaint = category === undefined ? undefined : await categoryProblem(category, context);
    const unknown =
      complaint === undefined
        ? []
        : [{ file, ...locate(parsed.source, ['category']), message: `category: ${complaint}` }];
    return {
      file,
      kind: 'manifest',
      valid: false,
      ...categoryOf(parsed.value),
      problems: [...unknown, ...load.problems],
    };
  }
  const { manifest, source } = load.loaded;
  const warnings = load.loaded.warnings.length > 0 ? { warnings: load.loaded.warnings } : {};
  const complaint = await categoryProblem(manifest.category, context);
  if (complaint === undefined) {
    const problems = [
      ...futureDateProblems(manifest, source, { today: today(), asOf: today() }).errors,
      ...(await unknownWaiverProblems(manifest, source, context)),
    ];
    return { file, kind: 'manifest', valid: problems.length === 0, id: manifest.category, problems, ...warnings };
  }
  const { line, column } = locate(source, ['category']);
  const problems = [{ file, line, column, message: `category: ${complaint}` }];
  return { file, kind: 'manifest', valid: false, id: manifest.category, problems, ...warnings };
}

/** Waivers naming a criterion the manifest's set lacks: errors for evaluate too, so they are for validate. */
async function unknownWaiverProblems(
  manifest: Manifest,
  source: YamlSource,
  context: CategoryContext,
): Promise<Problem[]> {
  const resolution =
    context.given?.id === manifest.category
      ? { ok: true as const, set: context.given }
      : await context.cache.resolve(manifest.category);
  if (!resolution.ok) return [];
  const ids = resolution.set.criteria.map((criterion) => criterion.id);
  const notes = (manifest.waivers ?? []).flatMap((waiver, index) =>
    ids.includes(waiver.criterion) ? [] : [unknownCriterionNote(waiver.criterion, index, ids, resolution.set.id)],
  );
  return waiverProblems(notes, source).errors;
}

/** The facts the manifest's set declares, when its category names a usable set. */
async function declaredFacts(
  category: string | undefined,
  context: CategoryContext,
): Promise<FactDeclarations | undefined> {
  if (category === undefined) return undefined;
  if (context.given?.id === category) return context.given.facts;
  // Installed, among the paths or in a --criteria-dir: looked up as evaluate does.
  const resolution = await context.cache.resolve(category);
  return resolution.ok ? resolution.set.facts : undefined;
}

/** Why `category` names no usable criteria set, or undefined when it does. */
async function categoryProblem(category: string, context: CategoryContext): Promise<string | undefined> {
  if (context.given?.id === category) return undefined;
  const resolution = await context.cache.resolve(category);
  if (resolution.ok) return undefined;
  if ('unknownId' in resolution) {
    // Worded as evaluate words it; a set given with --criteria is one the run found too.
    const given = context.given && !resolution.found.includes(context.given.id) ? [context.given.id] : [];
    return unknownSetMessage(category, resolution.installed, 'category', 'installed', [...resolution.found, ...given]);
  }
  if (context.installed.includes(category))
    return `the installed criteria set "${category}" is invalid (run pgcheck validate on it)`;
  return `the criteria set "${category}" (${resolution.file}) is invalid`;
}

/** A criteria file as a run uses it, its `extends` followed. */
function criteriaFromFile(parsed: ParsedYaml, context: CategoryContext): Promise<CriteriaLoad> {
  return criteriaFromParsed(parsed, context.limits, context.directory);
}

/** Problems found once every file was seen (a criteria id defined twice) go to their files, which are then invalid. */
function addProblems(files: FileValidation[], problems: readonly Problem[]): void {
  for (const problem of problems) {
    const entry = files.find((file) => file.file === problem.file);
    if (!entry) continue;
    entry.problems.push(problem);
    entry.valid = false;
  }
}

function nothingFound(paths: readonly string[]): Problem[] {
  return paths.map((path) => ({
    file: path,
    line: 1,
    column: 1,
    message: 'no manifests or criteria files found (searched for *.yaml and *.yml)',
  }));
}

function idOf(value: unknown): { id?: string } {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? { id } : {};
}

function categoryOf(value: unknown): { id?: string } {
  const category = (value as { category?: unknown } | null)?.category;
  return typeof category === 'string' ? { id: category } : {};
}
