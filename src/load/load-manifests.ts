import { discoverFiles } from './discover.js';
import { type LoadedManifest, loadManifest } from './manifest.js';
import type { Problem } from './problem.js';

/**
 * Yields every valid manifest under `paths`, in sorted order, and adds the problems of the files that
 * are not (and of paths that cannot be read) to `problems` as it meets them. `onProgress` hears how many
 * files are done, before each file and once at the end.
 */
export async function* loadManifests(
  paths: readonly string[],
  problems: Problem[],
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<LoadedManifest> {
  const { files, named, problems: unreadable } = await discoverFiles(paths);
  problems.push(...unreadable);
  for (const [index, file] of files.entries()) {
    onProgress?.(index, files.length);
    const load = await loadManifest(file);
    if (load.ok) yield load.loaded;
    // A criteria file met while searching a directory is not a candidate; named outright, it is a mistake.
    else if (!load.isCriteria || named.has(file)) problems.push(...load.problems);
  }
  onProgress?.(files.length, files.length);
}
