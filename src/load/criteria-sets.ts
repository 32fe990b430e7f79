import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { installedCriteriaDir } from '../paths.js';
import { closest } from '../schema/suggest.js';
import { type CriteriaLoad, loadCriteriaFile } from './criteria.js';
import type { Limits } from './limits.js';

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

/** Resolves `--criteria` or a manifest's `category`: a path to a criteria file, or the id of an installed set. */
export type CriteriaResolution = CriteriaLoad | { ok: false; unknownId: string; installed: string[]; message: string };

/**
 * Why an id names no criteria set. A reference (`--criteria`, `criteria show`) may be a path instead;
 * a manifest's `category` may not, so there the way to another set is `--criteria`.
 */
export function unknownSetMessage(id: string, known: readonly string[], use: 'reference' | 'category', label = 'installed'): string {
  const hint = closest(id, known);
  const advice = use === 'reference' ? 'or give a path to a criteria file' : 'for another set, give its file with --criteria';
  return `unknown criteria set "${id}"${hint ? `; did you mean "${hint}"?` : ''} (${label}: ${known.join(', ') || 'none'}; ${advice})`;
}

/** Loads criteria sets by id or path, each once per run. */
export class CriteriaCache {
  private readonly loaded = new Map<string, Promise<CriteriaResolution>>();

  constructor(
    private readonly directory = installedCriteriaDir,
    private readonly limits?: Partial<Limits>,
  ) {}

  resolve(reference: string): Promise<CriteriaResolution> {
    let pending = this.loaded.get(reference);
    if (!pending) {
      pending = this.load(reference);
      this.loaded.set(reference, pending);
    }
    return pending;
  }

  private async load(reference: string): Promise<CriteriaResolution> {
    if (looksLikePath(reference)) return loadCriteriaFile(reference, this.limits);
    const ids = installedCriteriaIds(this.directory);
    if (!ids.includes(reference)) return { ok: false, unknownId: reference, installed: ids, message: unknownSetMessage(reference, ids, 'reference') };
    return loadCriteriaFile(join(this.directory, `${reference}.yaml`), this.limits);
  }
}
