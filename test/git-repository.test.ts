import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readArtifacts } from '../src/load/artifacts.js';
import { gitRepositoryOf } from '../src/load/git-repository.js';

// Repositories are made with git; pgcheck itself reads them without running it.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pgcheck-git-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();
}

function repository(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'candidates'), { recursive: true });
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'candidates', 'a.yaml'), 'name: A\n');
  return dir;
}

describe('gitRepositoryOf reads .git without running git', () => {
  it('finds no repository outside one, and nothing before the first commit but the branch', () => {
    const outside = join(scratch, 'plain');
    mkdirSync(outside);
    writeFileSync(join(outside, 'x.yaml'), 'name: X\n');
    expect(gitRepositoryOf(join(outside, 'x.yaml'))).toBeUndefined();
    const dir = repository('unborn');
    expect(gitRepositoryOf(join(dir, 'candidates', 'a.yaml'))).toEqual({
      root: dir,
      repositoryUri: `${pathToFileURL(dir).href}/`,
      branch: 'main',
    });
  });

  it('names the commit and branch, from a loose ref and from packed-refs, and a detached HEAD', () => {
    const dir = repository('committed');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'one');
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(gitRepositoryOf(join(dir, 'candidates'))).toMatchObject({ revisionId: head, branch: 'main' });
    git(dir, 'pack-refs', '--all');
    expect(gitRepositoryOf(join(dir, 'candidates'))).toMatchObject({ revisionId: head, branch: 'main' });
    git(dir, 'checkout', '-q', '--detach');
    const detached = gitRepositoryOf(dir);
    expect(detached?.revisionId).toBe(head);
    expect(detached).not.toHaveProperty('branch');
  });

  it('follows a linked work tree to its commit and branch', () => {
    const dir = repository('linked-main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'one');
    const tree = join(scratch, 'linked-tree');
    git(dir, 'worktree', 'add', '-q', '-b', 'feature', tree);
    expect(gitRepositoryOf(join(tree, 'candidates', 'a.yaml'))).toMatchObject({
      root: tree,
      revisionId: git(dir, 'rev-parse', 'HEAD'),
      branch: 'feature',
    });
  });

  it.each([
    ['https://x-access-token:ghs_secret@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://ghp_secret@github.com/o/r', 'https://github.com/o/r'],
    ['git@github.com:o/r.git', 'ssh://git@github.com/o/r.git'],
    ['ssh://git:pw@example.org:2222/o/r.git', 'ssh://git@example.org:2222/o/r.git'],
  ])('gives the origin remote %s as %s, without credentials', (url, uri) => {
    const dir = repository(`remote-${encodeURIComponent(url).slice(0, 40)}`);
    git(dir, 'remote', 'add', 'origin', url);
    expect(gitRepositoryOf(dir)?.repositoryUri).toBe(uri);
  });

  it('gives each file its path from the root for SARIF, and keeps lines for snippets', () => {
    const dir = repository('artifacts');
    const file = join(dir, 'candidates', 'a.yaml');
    const artifacts = readArtifacts([file, join(scratch, 'nowhere.yaml')]);
    expect(artifacts.repository?.paths.get(file)).toBe('candidates/a.yaml');
    expect(artifacts.repository?.rootUri).toBe(`${pathToFileURL(dir).href}/`);
    expect(artifacts.lines.get(file)).toEqual(['name: A', '']);
    expect(artifacts.lines.has(join(scratch, 'nowhere.yaml'))).toBe(false);
  });
});
