import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from './problem.js';
import { errorReason } from './read-file.js';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Expands the paths given on the command line into YAML files: files as named, directories searched
 * recursively for *.yaml and *.yml. The result is sorted, so runs are reported in a stable order;
 * `named` holds the files given by name rather than found in a directory.
 */
export async function discoverFiles(
  paths: readonly string[],
): Promise<{ files: string[]; named: Set<string>; problems: Problem[] }> {
  const files = new Set<string>();
  const named = new Set<string>();
  const problems: Problem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files, problems);
      else {
        files.add(path);
        named.add(path);
      }
    } catch (error) {
      problems.push({ file: path, line: 1, column: 1, message: `cannot read: ${errorReason(error)}` });
    }
  }
  return { files: [...files].sort(compareFiles), named, problems };
}

async function walk(directory: string, files: Set<string>, problems: Problem[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: directory, line: 1, column: 1, message: `cannot read directory: ${errorReason(error)}` });
    return;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(path, files, problems);
    else if (entry.isFile() && YAML_FILE.test(entry.name)) files.add(path);
  }
}

export function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
