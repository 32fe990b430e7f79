import { type Limits, withDefaults } from '../load/limits.js';
import { CriteriaCache, installedCriteriaIds } from '../load/criteria-sets.js';
import { type CriteriaSet, criteriaFromYaml } from '../load/criteria.js';
import { compareFiles, discoverFiles } from '../load/discover.js';
import { isCriteriaDocument } from '../load/kind.js';
import { manifestFromYaml } from '../load/manifest.js';
import type { Problem } from '../load/problem.js';
import { readText } from '../load/read-file.js';
import { locate, parseYaml, type YamlSource } from '../load/source.js';
import { closest } from '../schema/suggest.js';
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
  const cache = new CriteriaCache(options.criteriaDir, limits);
  const given = options.criteria === undefined ? undefined : await requireCriteria(cache, options.criteria, `--criteria ${options.criteria}`);
  const { files: found, problems: errors } = await discoverFiles(paths, limits);
  const context: CategoryContext = { cache, given, installed: installedCriteriaIds(options.criteriaDir), limits };
  const files: FileValidation[] = [];
  for (const file of found) files.push(await validateFile(file, context));
  for (const error of errors) files.push({ file: error.file, kind: 'unknown', valid: false, problems: [error] });
  files.sort((a, b) => compareFiles(a.file, b.file));
  const valid = files.filter((entry) => entry.valid).length;
  return { files, summary: { files: files.length, valid, invalid: files.length - valid } };
}

interface CategoryContext {
  cache: CriteriaCache;
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
    const load = criteriaFromYaml(parsed);
    if (!load.ok) return { file, kind: 'criteria', valid: false, ...idOf(parsed.value), problems: load.problems };
    return { file, kind: 'criteria', valid: true, id: load.set.id, criteria: load.set.criteria.length, problems: [] };
  }
  const load = manifestFromYaml(parsed);
  if (!load.ok) return { file, kind: 'manifest', valid: false, ...categoryOf(parsed.value), problems: load.problems };
  const { manifest, source } = load.loaded;
  const complaint = await categoryProblem(manifest.category, context);
  if (complaint === undefined) {
    const problems = [...futureDateProblems(manifest, source, { today: today(), asOf: today() }).errors, ...(await unknownWaiverProblems(manifest, source, context))];
    return { file, kind: 'manifest', valid: problems.length === 0, id: manifest.category, problems };
  }
  const { line, column } = locate(source, ['category']);
  return { file, kind: 'manifest', valid: false, id: manifest.category, problems: [{ file, line, column, message: `category: ${complaint}` }] };
}

/** Waivers naming a criterion the manifest's set lacks: errors for evaluate too, so they are for validate. */
async function unknownWaiverProblems(manifest: Manifest, source: YamlSource, context: CategoryContext): Promise<Problem[]> {
  const resolution = context.given?.id === manifest.category ? { ok: true as const, set: context.given } : await context.cache.resolve(manifest.category);
  if (!resolution.ok) return [];
  const ids = resolution.set.criteria.map((criterion) => criterion.id);
  const notes = (manifest.waivers ?? []).flatMap((waiver, index) =>
    ids.includes(waiver.criterion) ? [] : [unknownCriterionNote(waiver.criterion, index, ids, resolution.set.id)],
  );
  return waiverProblems(notes, source).errors;
}

/** Why `category` names no usable criteria set, or undefined when it does. */
async function categoryProblem(category: string, context: CategoryContext): Promise<string | undefined> {
  if (context.given?.id === category) return undefined;
  if (!context.installed.includes(category)) {
    const known = context.given ? [...context.installed, context.given.id] : context.installed;
    const hint = closest(category, known);
    return `unknown criteria set "${category}"${hint ? `; did you mean "${hint}"?` : ''} (known: ${known.join(', ') || 'none'}; for another set, give its file with --criteria)`;
  }
  const resolution = await context.cache.resolve(category);
  return resolution.ok ? undefined : `the installed criteria set "${category}" is invalid (run pgcheck validate on it)`;
}

function idOf(value: unknown): { id?: string } {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? { id } : {};
}

function categoryOf(value: unknown): { id?: string } {
  const category = (value as { category?: unknown } | null)?.category;
  return typeof category === 'string' ? { id: category } : {};
}
