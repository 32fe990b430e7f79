import { join } from 'node:path';
import { installedCriteriaDir } from '../paths.js';
import { closest } from '../schema/suggest.js';
import type { CriteriaLoad } from './criteria.js';
import { installedCriteriaIds, loadCriteriaFile, looksLikePath, realPathOf } from './criteria-file.js';
import { scanCriteriaFiles } from './criteria-scan.js';
import type { CriteriaDefinition } from './kind.js';
import type { Limits } from './limits.js';
import type { Problem } from './problem.js';

export { installedCriteriaIds, looksLikePath };

/** Resolves `--criteria` or a manifest's `category`: a path to a criteria file, or the id of an installed set. */
export type CriteriaResolution =
  | CriteriaLoad
  | {
      ok: false;
      unknownId: string;
      installed: string[];
      /** Ids found among the run's paths and criteria directories. */
      found: string[];
      message: string;
    };

/**
 * Why an id names no criteria set. A reference (`--criteria`, `criteria show`) may be a path instead;
 * a manifest's `category` may not, so there the way to another set is `--criteria`.
 */
export function unknownSetMessage(
  id: string,
  known: readonly string[],
  use: 'reference' | 'category',
  label = 'installed',
  found: readonly string[] = [],
): string {
  const hint = closest(id, [...known, ...found]);
  const advice =
    use === 'reference' ? 'or give a path to a criteria file' : 'for another set, give its file with --criteria';
  const elsewhere = found.length > 0 ? `; found: ${found.join(', ')}` : '';
  return `unknown criteria set "${id}"${hint ? `; did you mean "${hint}"?` : ''} (${label}: ${known.join(', ') || 'none'}${elsewhere}; ${advice})`;
}

/** Where a run looks for a category besides the installed sets. */
export interface CriteriaSources {
  /** The paths the run was given: criteria files among them (named, or found in directories) are sets of the run. */
  searchPaths?: readonly string[];
  /** `--criteria-dir`: directories searched for criteria files, after the installed sets and the paths. */
  criteriaDirs?: readonly string[];
}

/**
 * Loads criteria sets by id or path, each once per run. An id is looked up among the installed sets,
 * then the criteria files among the run's paths, then the `--criteria-dir` directories; the first
 * found is used, and `conflicts` reports every other file giving itself an id the run used. The
 * run's paths are searched only when an id is not installed: a run reads its files anyway, and tells
 * the cache of each criteria file it meets (`register`), so the common run reads nothing twice.
 */
export class CriteriaCache {
  private readonly loaded = new Map<string, Promise<CriteriaResolution>>();
  private readonly local = new Map<string, CriteriaDefinition>();
  private localScan: Promise<void> | undefined;
  private dirSets: Promise<CriteriaDefinition[]> | undefined;
  /** Ids resolved by lookup, and the file each resolved to. */
  private readonly used = new Map<string, string>();

  constructor(
    private readonly directory = installedCriteriaDir,
    private readonly limits?: Partial<Limits>,
    private readonly sources: CriteriaSources = {},
  ) {}

  resolve(reference: string): Promise<CriteriaResolution> {
    let pending = this.loaded.get(reference);
    if (!pending) {
      pending = this.load(reference);
      this.loaded.set(reference, pending);
    }
    return pending;
  }

  /** A criteria file the run met among its paths. */
  register(definition: CriteriaDefinition): void {
    if (!this.local.has(definition.file)) this.local.set(definition.file, definition);
  }

  /** Every id the run can resolve: installed, among the paths (which this searches) and in the criteria directories. */
  async knownIds(): Promise<string[]> {
    const found = [...(await this.localDefinitions()), ...(await this.dirDefinitions())].map(
      (definition) => definition.id,
    );
    return [...new Set([...installedCriteriaIds(this.directory), ...found])];
  }

  /** Files giving themselves an id the run resolved to another file: each is an error at its `id`. */
  async conflicts(): Promise<Problem[]> {
    if (this.used.size === 0) return [];
    const definitions = [...this.local.values(), ...(await this.dirDefinitions())];
    const problems: Problem[] = [];
    const reported = new Set<string>();
    for (const definition of definitions) {
      const winner = this.used.get(definition.id);
      if (winner === undefined || reported.has(definition.file) || sameFile(winner, definition.file)) continue;
      reported.add(definition.file);
      const message = `id: the criteria set "${definition.id}" is defined twice, here and in ${winner}, which this run used for category ${definition.id}; give one of them another id`;
      problems.push({ file: definition.file, line: definition.line, column: definition.column, message });
    }
    return problems;
  }

  private async load(reference: string): Promise<CriteriaResolution> {
    if (looksLikePath(reference)) return loadCriteriaFile(reference, this.limits, this.directory);
    const file = await this.fileOf(reference);
    if (file === undefined) {
      const ids = installedCriteriaIds(this.directory);
      const found = (await this.knownIds()).filter((id) => !ids.includes(id));
      return {
        ok: false,
        unknownId: reference,
        installed: ids,
        found,
        message: unknownSetMessage(reference, ids, 'reference', 'installed', found),
      };
    }
    this.used.set(reference, file);
    return loadCriteriaFile(file, this.limits, this.directory);
  }

  /** The file an id names: installed first, then among the paths, then in the criteria directories. */
  private async fileOf(id: string): Promise<string | undefined> {
    if (installedCriteriaIds(this.directory).includes(id)) return join(this.directory, `${id}.yaml`);
    const local = (await this.localDefinitions()).find((definition) => definition.id === id);
    if (local) return local.file;
    return (await this.dirDefinitions()).find((definition) => definition.id === id)?.file;
  }

  private async localDefinitions(): Promise<CriteriaDefinition[]> {
    const paths = this.sources.searchPaths ?? [];
    this.localScan ??=
      paths.length === 0
        ? Promise.resolve()
        : scanCriteriaFiles(paths, this.limits).then((found) =>
            found.forEach((definition) => {
              this.register(definition);
            }),
          );
    await this.localScan;
    return [...this.local.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  private dirDefinitions(): Promise<CriteriaDefinition[]> {
    const directories = this.sources.criteriaDirs ?? [];
    this.dirSets ??= directories.length === 0 ? Promise.resolve([]) : scanCriteriaFiles(directories, this.limits);
    return this.dirSets;
  }
}

function sameFile(a: string, b: string): boolean {
  return realPathOf(a) === realPathOf(b);
}
