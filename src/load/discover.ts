import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { type Limits, raiseHint, withDefaults } from './limits.js';
import type { Problem } from './problem.js';
import { errorReason } from './read-file.js';

const YAML_FILE = /\.ya?ml$/i;

export interface Discovery {
  files: string[];
  /** Files given by name rather than found in a directory. */
  named: Set<string>;
  problems: Problem[];
  /** Things found in a directory and deliberately not read: symbolic links, FIFOs, devices. */
  skipped: Problem[];
}

/** `sorted`: all files in path order; `arguments`: in the order the paths were given, each directory's files sorted. */
export type FileOrder = 'sorted' | 'arguments';

/**
 * Expands the paths given on the command line into YAML files: files as named, directories searched
 * recursively for *.yaml and *.yml. Inside a directory only real directories and regular files are
 * entered; symbolic links are never followed there, so a walk cannot loop or leave the given roots.
 * A path named outright is taken as given (a link included); reading it later refuses what is not a
 * regular file. The result is sorted, so runs are reported in a stable order (or, with `arguments`,
 * in the order the paths were given, each directory's files sorted).
 */
export async function discoverFiles(
  paths: readonly string[],
  given: Partial<Limits> = {},
  order: FileOrder = 'sorted',
): Promise<Discovery> {
  const limits = withDefaults(given);
  const found: Discovery = { files: [], named: new Set(), problems: [], skipped: [] };
  const files = new Set<string>();
  const walker = new Walker(files, found, limits.maxFiles);
  for (const path of paths) {
    if (walker.full) {
      walker.overflow(path);
      break;
    }
    try {
      if ((await stat(path)).isDirectory()) await walker.walk(path, path);
      else {
        // normalize, as join does for files found in directories, so `./a.yaml` and `a.yaml` are one file.
        walker.add(normalize(path), path);
        found.named.add(normalize(path));
      }
    } catch (error) {
      found.problems.push(at(path, `cannot read: ${errorReason(error)}`));
    }
  }
  return { ...found, files: order === 'sorted' ? [...files].sort(compareFiles) : [...files] };
}

class Walker {
  private overflowed = false;

  constructor(
    private readonly files: Set<string>,
    private readonly found: Discovery,
    private readonly maxFiles: number,
  ) {}

  get full(): boolean {
    return this.overflowed;
  }

  add(path: string, root: string): void {
    if (this.files.has(path)) return;
    if (this.files.size >= this.maxFiles) this.overflow(root);
    else this.files.add(path);
  }

  overflow(root: string): void {
    if (!this.overflowed)
      this.found.problems.push(
        at(
          root,
          `more than ${this.maxFiles} files; only the first ${this.maxFiles} found are evaluated (${raiseHint('maxFiles')})`,
        ),
      );
    this.overflowed = true;
  }

  async walk(directory: string, root: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.found.problems.push(at(directory, `cannot read directory: ${errorReason(error)}`));
      return;
    }
    for (const entry of entries.sort((a, b) => compareFiles(a.name, b.name))) {
      if (this.overflowed) return;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await this.walk(path, root);
      else if (entry.isSymbolicLink()) await this.skipLink(path, entry);
      else if (!YAML_FILE.test(entry.name)) continue;
      else if (entry.isFile()) this.add(path, root);
      else this.skip(path, 'not a regular file');
    }
  }

  private skip(path: string, why: string): void {
    this.found.skipped.push(at(path, `skipped: ${why}`));
  }

  /** Only a link that could have led to manifests is worth a word: to a directory, or named *.yaml. */
  private async skipLink(path: string, entry: Dirent): Promise<void> {
    const toDirectory = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (toDirectory || YAML_FILE.test(entry.name))
      this.skip(path, 'a symbolic link (links inside directories are not followed; name the target instead)');
  }
}

function at(file: string, message: string): Problem {
  return { file, line: 1, column: 1, message };
}

export function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
