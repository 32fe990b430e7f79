import { readFile } from 'node:fs/promises';
import type { Problem } from './problem.js';

/** Reads a file as UTF-8 text; a failure becomes a problem instead of an exception. */
export async function readText(file: string): Promise<{ text: string } | { problem: Problem }> {
  try {
    const text = await readFile(file, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { problem: { file, line: 1, column: 1, message: `cannot read file: ${errorReason(error)}` } };
  }
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
