import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { decodeYamlBytes } from './decode.js';
import { type Limits, raiseHint, withDefaults } from './limits.js';
import type { Problem } from './problem.js';

/**
 * Reads a file as UTF-8 text; a failure becomes a problem instead of an exception. Only regular files
 * are opened (a FIFO or device would block or never end), and never more than the size limit is read.
 */
export async function readText(
  file: string,
  given: Partial<Limits> = {},
): Promise<{ text: string } | { problem: Problem }> {
  return readTextSync(file, given);
}

/**
 * readText without the promise. Batches read thousands of small files, where fs/promises' four round
 * trips per file (open, fstat, read, close) cost more CPU than parsing the file (bench/README.md).
 */
export function readTextSync(file: string, given: Partial<Limits> = {}): { text: string } | { problem: Problem } {
  const limits = withDefaults(given);
  const problem = (message: string, line = 1, column = 1) => ({ problem: { file, line, column, message } });
  try {
    const refusal = refuse(statSync(file), limits.maxFileBytes);
    if (refusal) return problem(refusal);
    const bytes = readAtMost(file, limits.maxFileBytes);
    if (typeof bytes === 'string') return problem(bytes);
    const decoded = decodeYamlBytes(bytes);
    if ('error' in decoded) return problem(decoded.error, decoded.position.line, decoded.position.column);
    return { text: decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text };
  } catch (error) {
    return problem(`cannot read file: ${errorReason(error)}`);
  }
}

/** Why a file is not read at all, or undefined when it may be. */
export function refuse(info: Stats, maxBytes: number): string | undefined {
  if (!info.isFile()) return `not a regular file (${fileKind(info)}); skipped`;
  if (info.size > maxBytes)
    return `file is ${info.size} bytes, over the ${sizeText(maxBytes)} limit; skipped unread (${raiseHint('maxFileBytes')})`;
  return undefined;
}

/** Reads up to `maxBytes`; the file may have grown since it was measured, so the cap holds here too. */
function readAtMost(file: string, maxBytes: number): Uint8Array | string {
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it must not wait for a writer.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const refusal = refuse(info, maxBytes);
    if (refusal) return refusal;
    const cap = maxBytes + 1;
    // Sized to the file, not to the limit: a batch of small files must not allocate a megabyte each.
    let buffer = Buffer.allocUnsafe(Math.min(cap, info.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length >= cap) break;
        const larger = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes)
      return `file is over the ${sizeText(maxBytes)} limit; skipped (${raiseHint('maxFileBytes')})`;
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    EMFILE: 'too many open files',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'not a directory',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
