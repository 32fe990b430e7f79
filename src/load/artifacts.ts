import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Artifacts } from '../format/format.js';
import { directoryUri, gitRepositoryOf } from './git-repository.js';
import type { Limits } from './limits.js';
import { readTextSync } from './read-file.js';

/**
 * Reads the files a report names again, for formats that show the lines a result points at, and
 * finds the git repository they are in (the first file's; files outside it keep their own paths).
 * A file that cannot be read now simply has no lines: this never fails the run.
 */
export function readArtifacts(files: Iterable<string>, limits: Partial<Limits> = {}): Artifacts {
  const lines = new Map<string, readonly string[]>();
  const unique = [...new Set(files)];
  for (const file of unique) {
    const read = readTextSync(file, limits);
    if ('text' in read)
      lines.set(
        file,
        read.text.split('\n').map((line) => line.replace(/\r$/, '')),
      );
  }
  const first = unique[0];
  const repository = first === undefined ? undefined : gitRepositoryOf(first);
  if (!repository) return { lines };
  const paths = new Map<string, string>();
  for (const file of unique) {
    const inside = relative(repository.root, resolve(file));
    if (inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))
      paths.set(file, inside.split(sep).join('/'));
  }
  const { root, ...details } = repository;
  return { lines, repository: { rootUri: directoryUri(root), ...details, paths } };
}
