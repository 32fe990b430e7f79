import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';
import { ciDocsYaml, git, OFFLINE_ENV, scratchRepository } from './helpers/scratch-repo.js';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = preCommit.error !== undefined || preCommit.status !== 0;
if (missing)
  console.warn(
    "test/pre-commit.test.ts: pre-commit is not installed (.ci/run installs Debian's: apt-get install -y pre-commit); the pre-commit hook tests are skipped.",
  );

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

/**
 * The hooks as a pre-commit user gets them: a git repository holding this checkout's
 * .pre-commit-hooks.yaml and hooks/ (committed, as pre-commit clones a rev), and a scratch project
 * whose .pre-commit-config.yaml is the docs/ci.md example pointed at that repository.
 */
function setUp() {
  const project = scratchRepository('pgcheck-pre-commit-');
  const parent = dirname(project);
  cleanup.push(parent);
  const hooks = join(parent, 'hooks-repo');
  mkdirSync(hooks);
  cpSync(join(repoRoot, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  cpSync(join(repoRoot, 'hooks'), join(hooks, 'hooks'), { recursive: true });
  git(hooks, 'init', '-q');
  git(hooks, 'add', '.');
  git(hooks, 'commit', '-q', '-m', 'hooks');
  const config = ciDocsYaml('pre-commit');
  expect(config.repos[0].repo).toBe('https://github.com/pgcheck/pgcheck');
  config.repos[0].repo = hooks;
  config.repos[0].rev = git(hooks, 'rev-parse', 'HEAD');
  writeFileSync(join(project, '.pre-commit-config.yaml'), stringify(config));
  git(project, 'add', '.pre-commit-config.yaml');
  git(project, 'commit', '-q', '-m', 'pre-commit', '--no-verify');
  const env = { ...process.env, ...OFFLINE_ENV, PRE_COMMIT_HOME: join(parent, 'pre-commit-home'), NO_COLOR: '1' };
  const run = (...args: string[]) =>
    spawnSync(args[0] ?? '', args.slice(1), { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
  expect(run('pre-commit', 'install').status).toBe(0);
  return { project, run };
}

function commit(run: ReturnType<typeof setUp>['run'], message: string) {
  const result = run('git', '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-m', message);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(missing)('the pre-commit hooks, run by pre-commit itself, offline', () => {
  it('pgcheck-validate stops a commit of an invalid manifest with file:line:column, and lets the fix through', () => {
    const { project, run } = setUp();
    const file = join(project, 'candidates', 'typo.yaml');
    writeFileSync(file, 'pgcheck: 1\nname: Typo\ncategory: photo-management\nweb_interfce: {}\n');
    run('git', 'add', 'candidates/typo.yaml');
    const refused = commit(run, 'typo');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/pgcheck validate\.+Failed/);
    expect(refused.output).toContain(
      'candidates/typo.yaml:4:1: web_interfce: unknown key "web_interfce"; did you mean "web_interface"?',
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace('web_interfce', 'web_interface'));
    run('git', 'add', 'candidates/typo.yaml');
    const accepted = commit(run, 'fixed');
    expect(accepted.output).toMatch(/pgcheck validate\.+Passed/);
    expect(accepted.output).toMatch(/pgcheck evaluate\.+Passed/);
    expect(accepted.code).toBe(0);
  }, 300_000);

  it('pgcheck-evaluate stops a commit of a candidate that fails the minimum, and skips files it does not cover', () => {
    const { project, run } = setUp();
    writeFileSync(join(project, 'notes.yaml'), 'not: a manifest\n');
    run('git', 'add', 'notes.yaml');
    const other = commit(run, 'notes');
    expect(other.output).toMatch(/pgcheck validate\.+\(no files to check\)Skipped/);
    expect(other.code).toBe(0);
    const stingle = join(project, 'candidates', 'stingle.yaml');
    writeFileSync(stingle, `${readFileSync(stingle, 'utf8')}# touched\n`);
    run('git', 'add', 'candidates/stingle.yaml');
    const refused = commit(run, 'stingle');
    expect(refused.output).toMatch(/pgcheck validate\.+Passed/);
    expect(refused.output).toMatch(/pgcheck evaluate\.+Failed/);
    expect(refused.output).toContain('Stingle Photos (candidates/stingle.yaml): fails-minimum');
    expect(refused.code).toBe(1);
  }, 300_000);
});
