import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Problem } from './problem.js';

/** Reads a file as UTF-8 text; a failure becomes a problem instead of an exception. */
export async function readText(file: string): Promise<{ text: string } | { problem: Problem }> {
  try {
    return { text: withoutBom(await readFile(file, 'utf8')) };
  } catch (error) {
    return { problem: unreadable(file, error) };
  }
}

/**
 * readText without the promise: for batches, where the per-file overhead of fs/promises (open,
 * fstat, read, close as four round trips) costs more than parsing the file (see bench/README.md).
 */
export function readTextSync(file: string): { text: string } | { problem: Problem } {
  try {
    return { text: withoutBom(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { problem: unreadable(file, error) };
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function unreadable(file: string, error: unknown): Problem {
  return { file, line: 1, column: 1, message: `cannot read file: ${errorReason(error)}` };
}

export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    EMFILE: 'too many open files',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
