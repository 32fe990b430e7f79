import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, repoRoot, runPinned as runCli, transcript } from './helpers/cli.js';

const H = 'test/fixtures/hostile';
const valid = ['candidates/photo-management/ente.yaml', 'candidates/photo-management/stingle.yaml'];

/** Every file in the corpus, each pinned with its exit code and messages in test/golden/hostile/. */
const manifests = readdirSync(join(repoRoot, H)).filter((name) => name.endsWith('.yaml'));
const criteriaFiles = readdirSync(join(repoRoot, H, 'criteria'));

describe('hostile manifests (golden)', () => {
  it('covers the corpus', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(20);
  });
  it.each(manifests)('%s', async (name) => {
    await expect(transcript(await runCli(['evaluate', `${H}/${name}`]))).toMatchFileSnapshot(
      `golden/hostile/${name.replace(/\.yaml$/, '')}.txt`,
    );
  });
});

describe('hostile criteria files (golden)', () => {
  it.each(criteriaFiles)('%s', async (name) => {
    const run = await runCli([
      'evaluate',
      '--criteria',
      `${H}/criteria/${name}`,
      'candidates/photo-management/ente.yaml',
    ]);
    await expect(transcript(run)).toMatchFileSnapshot(`golden/hostile/criteria-${name.replace(/\.yaml$/, '')}.txt`);
  });
});

describe('the whole corpus in one run', () => {
  it('reports every hostile file and still evaluates the valid ones', async () => {
    const run = await runCli(['evaluate', '--format', 'json', H, ...valid]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as {
      candidates: { file: string; verdict: string }[];
      errors: { file: string }[];
    };
    const evaluated = report.candidates.map((candidate) => candidate.file);
    expect(evaluated).toEqual(
      expect.arrayContaining([...valid, `${H}/bom.yaml`, `${H}/json-valid.json.yaml`, `${H}/control-chars.yaml`]),
    );
    expect(report.candidates.find((c) => c.file === 'candidates/photo-management/stingle.yaml')?.verdict).toBe(
      'fails-minimum',
    );
    const failed = new Set(report.errors.map((error) => error.file));
    const accepted = new Set(evaluated);
    // Every corpus file either evaluated or reported; the criteria/ subfolder's files are not candidates.
    for (const name of manifests) expect(accepted.has(`${H}/${name}`) || failed.has(`${H}/${name}`)).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/** Files too big, or of kinds git cannot hold, are made per run in a temporary directory. */
describe('generated hostile input', () => {
  let dir: string;
  const clean = (run: CliRun): string => transcript(run).split(dir).join('<tmp>');
  const cli = async (args: string[]) => clean(await runCli(args));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgcheck-hostile-'));
    chmodSync(dir, 0o755);
    const small = 'pgcheck: 1\nname: Small\ncategory: photo-management\n';
    writeFileSync(join(dir, 'huge.yaml'), `${small}facts:\n  padding: "${'x'.repeat(2 * 1024 * 1024)}"\n`);
    mkdirSync(join(dir, 'tree', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'inner', 'ok.yaml'), small);
    execFileSync('mkfifo', [join(dir, 'tree', 'pipe.yaml')]);
    execFileSync('mkfifo', [join(dir, 'named-pipe.yaml')]);
    symlinkSync('..', join(dir, 'tree', 'inner', 'loop'));
    symlinkSync(join(repoRoot, 'candidates'), join(dir, 'tree', 'outside'));
    symlinkSync(join(repoRoot, 'candidates', 'photo-management', 'ente.yaml'), join(dir, 'tree', 'linked.yaml'));
    writeFileSync(join(dir, 'huge-criteria.yaml'), `pgcheck_criteria: 1\ndescription: "${'x'.repeat(1024 * 1024)}"\n`);
    mkdirSync(join(dir, 'many'));
    for (const n of [1, 2, 3, 4]) writeFileSync(join(dir, 'many', `m${n}.yaml`), small.replace('Small', `M${n}`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a file over the size limit unread', async () => {
    await expect(await cli(['evaluate', join(dir, 'huge.yaml'), valid[0] as string])).toMatchFileSnapshot(
      'golden/hostile/generated-huge-file.txt',
    );
  });
  it('reads it when --max-file-size is raised, then holds it to the string limit', async () => {
    await expect(await cli(['evaluate', '--max-file-size', '4MiB', join(dir, 'huge.yaml')])).toMatchFileSnapshot(
      'golden/hostile/generated-huge-file-raised.txt',
    );
  });
  it('hands it to schema validation when both limits are raised', async () => {
    const run = await runCli([
      'evaluate',
      '--max-file-size',
      '4MiB',
      '--max-string-length',
      '3000000',
      join(dir, 'huge.yaml'),
    ]);
    expect(run.stderr).toBe(`${join(dir, 'huge.yaml')}:5:12: facts.padding: is too long (at most 2000 characters)\n`);
    expect(run.code).toBe(2);
  });
  it('holds a criteria file to the same size limit', async () => {
    await expect(
      await cli(['evaluate', '--criteria', join(dir, 'huge-criteria.yaml'), valid[0] as string]),
    ).toMatchFileSnapshot('golden/hostile/generated-huge-criteria.txt');
  });
  it('refuses a FIFO named on the command line without blocking', async () => {
    await expect(await cli(['evaluate', join(dir, 'named-pipe.yaml'), valid[0] as string])).toMatchFileSnapshot(
      'golden/hostile/generated-named-fifo.txt',
    );
  });
  it('walks a tree with a FIFO, a symlink loop and links out of the root without following them', async () => {
    await expect(await cli(['evaluate', join(dir, 'tree')])).toMatchFileSnapshot('golden/hostile/generated-tree.txt');
  });
  it('evaluates at most --max-files files and says so', async () => {
    await expect(await cli(['evaluate', '--max-files', '2', join(dir, 'many')])).toMatchFileSnapshot(
      'golden/hostile/generated-max-files.txt',
    );
  });
  it('refuses a limit that is not a positive whole number', async () => {
    await expect(await cli(['evaluate', '--max-depth', '0', valid[0] as string])).toMatchFileSnapshot(
      'golden/hostile/generated-bad-limit.txt',
    );
  });
});

/**
 * Permission errors: root reads anything, so when the suite runs as root the CLI is run as the
 * unprivileged user `nobody` (uid 65534) instead; the files really are unreadable to it.
 */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
/** As root, the test needs `nobody` to be able to run pgcheck from this checkout at all. */
const nobodyCanRunPgcheck =
  !asRoot ||
  spawnSync(
    process.execPath,
    [
      '-e',
      `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'dist/cli/run.js'))}, require('fs').constants.R_OK)`,
    ],
    {
      uid: NOBODY,
      gid: NOBODY,
      timeout: 15_000,
    },
  ).status === 0;

describe('unreadable files and directories', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgcheck-perm-'));
    chmodSync(dir, 0o755);
    const small = 'pgcheck: 1\nname: Readable\ncategory: photo-management\n';
    writeFileSync(join(dir, 'readable.yaml'), small);
    writeFileSync(join(dir, 'secret.yaml'), small);
    chmodSync(join(dir, 'readable.yaml'), 0o644);
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.yaml'), small);
    chmodSync(join(dir, 'locked'), 0o000);
  });
  afterAll(() => {
    chmodSync(join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  // Skipped only when running as root from a checkout that `nobody` cannot read: then no unprivileged
  // process can run pgcheck here, and as root permissions cannot be denied.
  it.skipIf(!nobodyCanRunPgcheck)('reports each as an error and evaluates the rest', async () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin/pgcheck.js'), 'evaluate', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 15_000,
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    const run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
    await expect(transcript(run).split(dir).join('<tmp>')).toMatchFileSnapshot(
      'golden/hostile/generated-unreadable.txt',
    );
  });
});
