import { constants, type Stats } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { errorReason, fileKind } from '../load/read-file.js';

/**
 * Makes `directory` and any missing parents, one level at a time. Returns why it cannot, or undefined
 * once the directory exists. Node's `mkdir(..., { recursive: true })` is not used: under /proc it
 * retries forever at full CPU, and where a parent is a file it says only `EEXIST ... mkdir`.
 */
export async function makeDirectory(directory: string): Promise<string | undefined> {
  const missing: string[] = [];
  let current = resolve(directory);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) return `${shown(current, directory)} is ${kindOf(info)}, not a directory`;
      break;
    }
    const parent = dirname(current);
    // ENOTDIR: some parent is a file; walking up finds which.
    if ((info.code !== 'ENOENT' && info.code !== 'ENOTDIR') || parent === current)
      return `cannot use ${shown(current, directory)}: ${errorReason(info)}`;
    missing.unshift(current);
    current = parent;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        return `cannot create the directory ${shown(path, directory)}: ${errorReason(error)}`;
    }
  }
  return undefined;
}

/**
 * Readies `file` to be written later: its directory exists (made if need be) and it is either absent
 * or writable and not a directory. Returns why not, or undefined when it is ready. Nothing is written to
 * the file itself, so a run that stops before its report leaves no empty file behind.
 */
export async function prepareOutputFile(file: string): Promise<string | undefined> {
  const unusable = await makeDirectory(dirname(file));
  if (unusable) return unusable;
  const info = await stat(file).catch(() => undefined);
  // Not only regular files: a report may go to /dev/null or /dev/stdout.
  if (info?.isDirectory()) return `${file} is a directory`;
  try {
    await access(info ? file : dirname(resolve(file)), constants.W_OK);
  } catch (error) {
    return `cannot write ${info ? file : `into ${dirname(file)}`}: ${errorReason(error)}`;
  }
  return undefined;
}

/** A path we worked with (absolute), shown relative to the working directory when the user gave a relative one. */
function shown(absolute: string, given: string): string {
  return isAbsolute(given) ? absolute : relative(process.cwd(), absolute) || '.';
}

function kindOf(info: Stats): string {
  return info.isFile() ? 'a file' : fileKind(info);
}
