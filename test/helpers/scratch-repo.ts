import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './cli.js';

/** A yaml (or other) block of docs/ci.md, found by the `<!-- ci-docs: NAME -->` comment above it. */
export function ciDocsBlock(name: string): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
  const block = new RegExp(`<!-- ci-docs: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1];
  if (block === undefined) throw new Error(`docs/ci.md has no block marked <!-- ci-docs: ${name} -->`);
  return block;
}

export function ciDocsYaml(name: string): any {
  return parse(ciDocsBlock(name));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.org',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
    },
  ).trim();
}

/**
 * A scratch git repository with this repository's photo-management candidates committed under candidates/,
 * and pgcheck installed as `npm install --save-dev` would leave it (node_modules/.bin/pgcheck, a
 * link to this checkout's bin). Returns its folder, inside a fresh temporary parent folder.
 */
export function scratchRepository(prefix: string): string {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const dir = join(parent, 'repo');
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  cpSync(join(repoRoot, 'candidates', 'photo-management'), join(dir, 'candidates'), { recursive: true });
  symlinkSync(join(repoRoot, 'bin', 'pgcheck.js'), join(dir, 'node_modules', '.bin', 'pgcheck'));
  git(dir, 'init', '-q');
  git(dir, 'add', 'candidates');
  git(dir, 'commit', '-q', '-m', 'candidates');
  return dir;
}

/** Environment that makes any attempt to reach the network fail at once (npm, pip, git over http). */
export const OFFLINE_ENV: Record<string, string> = {
  npm_config_offline: 'true',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  no_proxy: '',
  NO_PROXY: '',
  PIP_NO_INDEX: '1',
};
