import { discoverFiles } from './discover.js';
import type { Limits } from './limits.js';
import { type FactsFor, isCandidateFile, type LoadedManifest, loadManifest } from './manifest.js';
import type { Problem } from './problem.js';

export interface LoadManifestsOptions {
  limits?: Partial<Limits>;
  /** Finds the facts a manifest's criteria set declares, to validate its facts against them. */
  factsFor?: FactsFor;
  /** Hears how many files are done, before each file and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Yields every valid manifest under `paths`, in sorted order. Problems of the files that are not (and of
 * paths that cannot be read) go to `errors` as they are met; entries skipped while walking directories
 * (links, special files) go to `warnings`.
 */
export async function* loadManifests(
  paths: readonly string[],
  sink: { errors: Problem[]; warnings?: Problem[] },
  options: LoadManifestsOptions = {},
): AsyncGenerator<LoadedManifest> {
  const { files, problems: unreadable, skipped } = await discoverFiles(paths, options.limits);
  sink.errors.push(...unreadable);
  sink.warnings?.push(...skipped);
  let found = unreadable.length;
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, files.length);
    const load = await loadManifest(file, options.limits, options.factsFor);
    const isCandidate = isCandidateFile(load);
    found += isCandidate ? 1 : 0;
    if (load.ok) yield load.loaded;
    else if (isCandidate) sink.errors.push(...load.problems);
  }
  options.onProgress?.(files.length, files.length);
  if (found === 0) sink.errors.push(...noManifestsFound(paths));
}

/** An audit pointed at the wrong folder must not pass as "0 candidates, all fine". */
export function noManifestsFound(paths: readonly string[]): Problem[] {
  return paths.map((path) => ({
    file: path,
    line: 1,
    column: 1,
    message: 'no candidate manifests found (searched for *.yaml and *.yml)',
  }));
}
