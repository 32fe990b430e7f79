import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The git repository a file is in, as SARIF's versionControlProvenance records it. */
export interface GitRepository {
  /** The work tree's root folder (absolute). */
  root: string;
  /** The `origin` remote as an absolute URI without credentials, else the work tree's file:// URI. */
  repositoryUri: string;
  /** The commit HEAD points at; absent before the first commit or when the ref cannot be read. */
  revisionId?: string;
  /** The branch HEAD names; absent when HEAD is detached. */
  branch?: string;
}

const MAX_SYMBOLIC_DEPTH = 5;
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The repository holding `path`, read from `.git` directly rather than by running git (which may not
 * be installed): HEAD, loose and packed refs, and the `origin` URL from the config. Work trees (a
 * `.git` file naming the git dir) are followed. Anything unreadable yields less, never an exception:
 * undefined outside a repository, no revisionId when the ref store is one this does not read.
 */
export function gitRepositoryOf(path: string): GitRepository | undefined {
  try {
    const found = findGitDir(resolve(path));
    if (!found) return undefined;
    const commonDir = commonDirOf(found.gitDir);
    const head = readText(join(found.gitDir, 'HEAD'))?.trim() ?? '';
    const branchRef = /^ref: (refs\/heads\/.+)$/.exec(head)?.[1];
    // A reftable repository's HEAD names the placeholder branch `.invalid`; its refs are not read here.
    const readable = branchRef !== 'refs/heads/.invalid';
    const revisionId = !readable
      ? undefined
      : branchRef
        ? resolveRef(branchRef, found.gitDir, commonDir)
        : OBJECT_ID.test(head)
          ? head
          : undefined;
    return {
      root: found.root,
      repositoryUri: originUri(readText(join(commonDir, 'config')) ?? '', found.root) ?? directoryUri(found.root),
      ...(revisionId ? { revisionId } : {}),
      ...(readable && branchRef ? { branch: branchRef.slice('refs/heads/'.length) } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A folder as a file:// URI ending in `/`, so relative references resolve inside it. */
export function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function findGitDir(start: string): { root: string; gitDir: string } | undefined {
  let folder = isDirectory(start) ? start : dirname(start);
  for (;;) {
    const dotGit = join(folder, '.git');
    if (isDirectory(dotGit)) return { root: folder, gitDir: dotGit };
    const pointer = /^gitdir: (.+)$/m.exec(readText(dotGit) ?? '')?.[1]?.trim();
    if (pointer) return { root: folder, gitDir: resolve(folder, pointer) };
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** A linked work tree keeps HEAD in its own git dir and everything else in the common one. */
function commonDirOf(gitDir: string): string {
  const common = readText(join(gitDir, 'commondir'))?.trim();
  return common ? resolve(gitDir, common) : gitDir;
}

function resolveRef(ref: string, gitDir: string, commonDir: string, depth = 0): string | undefined {
  if (depth > MAX_SYMBOLIC_DEPTH || ref.split('/').includes('..')) return undefined;
  const loose = (readText(join(gitDir, ref)) ?? readText(join(commonDir, ref)))?.trim();
  if (loose !== undefined) {
    if (OBJECT_ID.test(loose)) return loose;
    const target = /^ref: (.+)$/.exec(loose)?.[1];
    return target ? resolveRef(target, gitDir, commonDir, depth + 1) : undefined;
  }
  for (const line of (readText(join(commonDir, 'packed-refs')) ?? '').split('\n')) {
    const [id, name] = line.trim().split(' ');
    if (name === ref && id && OBJECT_ID.test(id)) return id;
  }
  return undefined;
}

/** The url of `[remote "origin"]` as an absolute URI, without user name or password. */
function originUri(config: string, root: string): string | undefined {
  let inOrigin = false;
  for (const raw of config.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inOrigin = /^\[remote\s+"origin"\]$/.test(line);
    const url = inOrigin
      ? /^url\s*=\s*(.+)$/
          .exec(line)?.[1]
          ?.trim()
          .replace(/^"(.*)"$/, '$1')
      : undefined;
    if (url) return absoluteUri(url, root);
  }
  return undefined;
}

function absoluteUri(url: string, root: string): string | undefined {
  const scp = /^([^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/.exec(url);
  if (scp && !isAbsolute(url)) return `ssh://${scp[1] ?? ''}${scp[2]}/${scp[3]?.replace(/^\//, '')}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      parsed.password = '';
      // A token is often the user name of an https URL; an ssh user name is no secret.
      if (parsed.protocol !== 'ssh:') parsed.username = '';
      return parsed.href;
    } catch {
      return undefined;
    }
  }
  return directoryUri(resolve(root, url));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
