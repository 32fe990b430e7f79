import { join } from 'node:path';
import { installedCriteriaDir } from '../paths.js';
import { closest } from '../schema/suggest.js';
import type { CriteriaLoad } from './criteria.js';
import { installedCriteriaIds, loadCriteriaFile, looksLikePath } from './criteria-file.js';
import type { Limits } from './limits.js';

export { installedCriteriaIds, looksLikePath };

/** Resolves `--criteria` or a manifest's `category`: a path to a criteria file, or the id of an installed set. */
export type CriteriaResolution = CriteriaLoad | { ok: false; unknownId: string; message: string };

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
    if (looksLikePath(reference)) return loadCriteriaFile(reference, this.limits, this.directory);
    const ids = installedCriteriaIds(this.directory);
    if (!ids.includes(reference)) {
      const hint = closest(reference, ids);
      return {
        ok: false,
        unknownId: reference,
        message: `unknown criteria set "${reference}"${hint ? `; did you mean "${hint}"?` : ''} (installed: ${ids.join(', ') || 'none'}; or give a path to a criteria file)`,
      };
    }
    return loadCriteriaFile(join(this.directory, `${reference}.yaml`), this.limits, this.directory);
  }
}
