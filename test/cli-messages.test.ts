import { installedCriteriaIds } from '../src/load/criteria-sets.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/** Runs the CLI in this process with output captured (no terminal, no colour settings). */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io: Io & { out: string; err: string } = {
    out: '',
    err: '',
    env: {},
    stdoutIsTTY: false,
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
  };
  const code = await main(['node', 'pgcheck', ...args], io);
  return { code, out: io.out, err: io.err };
}

const dir = mkdtempSync(join(tmpdir(), 'pgcheck-cli-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate on a folder with nothing to validate', () => {
  it('exits 2 and says nothing was found, as evaluate does', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not yaml');
    const result = await run('validate', empty);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${empty}:1:1: no manifests or criteria files found (searched for *.yaml and *.yml)\n`);
    expect((await run('evaluate', empty)).code).toBe(2);
  });

  it('still passes a folder with valid files next to an empty one', async () => {
    const empty = join(dir, 'empty-too');
    mkdirSync(empty);
    expect((await run('validate', 'candidates/photo-management/ente.yaml', empty)).code).toBe(0);
  });
});

describe('init into a directory that does not exist yet', () => {
  it('creates the directory for a path ending in /', async () => {
    const target = join(dir, 'new', 'deeper');
    const result = await run('init', `${target}/`, '--name', 'New Tool', '--category', 'photo-management');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(join(target, 'new-tool.yaml'), 'utf8')).toContain('name: New Tool');
  });

  it('says plainly when a parent is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = await run('init', `${file}/sub/`, '--name', 'X', '--category', 'photo-management');
    expect(result.code).toBe(2);
    expect(result.err).toBe(`error: ${file} is a file, not a directory\n`);
  });
});

describe('a --report path that cannot be created', () => {
  it('fails at once, before evaluating, under /proc', async () => {
    const started = Date.now();
    const result = await run('evaluate', 'candidates/photo-management/ente.yaml', '--report', 'junit=/proc/nope/x.xml');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'error: --report junit=/proc/nope/x.xml: cannot create the directory /proc/nope: no such file or directory\n',
    );
    // Not a timing assertion of speed: Node's recursive mkdir never returns here, so any answer at all is the fix.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('says a parent is a file in those words', async () => {
    const result = await run(
      'evaluate',
      'candidates/photo-management/ente.yaml',
      '--report',
      'json=candidates/photo-management/ente.yaml/report.json',
    );
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'error: --report json=candidates/photo-management/ente.yaml/report.json: candidates/photo-management/ente.yaml is a file, not a directory\n',
    });
  });

  it('refuses a directory as the report file, before evaluating', async () => {
    const result = await run('compare', 'candidates/photo-management/ente.yaml', '--report', `json=${dir}`);
    expect(result).toEqual({ code: 2, out: '', err: `error: --report json=${dir}: ${dir} is a directory\n` });
  });

  it('still creates missing directories for a path that can be written', async () => {
    const path = join(dir, 'reports', 'deep', 'r.json');
    expect((await run('evaluate', 'candidates/photo-management/ente.yaml', '--report', `json=${path}`)).code).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).candidates[0].name).toBe('Ente Photos');
  });
});

describe('criteria with a mistyped subcommand', () => {
  it('says "did you mean" instead of listing sets named like the typo', async () => {
    expect(await run('criteria', 'shwo', 'photo-management')).toEqual({
      code: 2,
      out: '',
      err: 'error: unknown subcommand shwo; did you mean show?\n',
    });
    expect((await run('criteria', 'lst')).err).toBe('error: unknown subcommand lst; did you mean list?\n');
  });

  it('still lists installed sets and files by name', async () => {
    const result = await run('criteria', 'photo-management');
    expect(result.code).toBe(0);
    expect(result.out).toContain('photo-management');
  });
});

describe('--no-color', () => {
  it.each([
    ['validate', 'candidates/photo-management/ente.yaml'],
    ['init', '--name', 'X', '--category', 'photo-management'],
    ['schema'],
    ['criteria'],
    ['criteria', 'list'],
    ['criteria', 'show', 'photo-management'],
    ['evaluate', 'candidates/photo-management/ente.yaml'],
    ['compare', 'candidates/photo-management/ente.yaml'],
  ])('is accepted by %s', async (...args) => {
    const result = await run(...args, '--no-color');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('--criteria and the category', () => {
  it('evaluates a manifest of another category but says so', async () => {
    const result = await run(
      'evaluate',
      'candidates/photo-management/ente.yaml',
      '--criteria',
      'test/fixtures/second-category/note-taking.yaml',
      '--as-of',
      '2026-08-01',
    );
    expect(result.out).toContain('against note-taking');
    expect(result.err).toBe(
      'candidates/photo-management/ente.yaml:5:11: warning: category: the manifest is for "photo-management" but was evaluated against "note-taking", given with --criteria\n',
    );
  });

  it('says nothing when the set given is the one the category names', async () => {
    expect(
      (
        await run(
          'evaluate',
          'candidates/photo-management/ente.yaml',
          '--criteria',
          'photo-management',
          '--as-of',
          '2026-08-01',
        )
      ).err,
    ).toBe('');
  });

  it('does not suggest a path in `category` for an unknown category', async () => {
    const result = await run('evaluate', 'test/fixtures/manifests/unknown-category.yaml');
    expect(result.err).toBe(
      `test/fixtures/manifests/unknown-category.yaml:3:11: category: unknown criteria set "photo-managment"; did you mean "photo-management"? (installed: ${installedCriteriaIds().join(', ')}; for another set, give its file with --criteria)\n`,
    );
  });
});

describe('init over a file that exists', () => {
  it('still refuses without --force', async () => {
    const file = join(dir, 'exists.yaml');
    writeFileSync(file, 'x');
    expect((await run('init', file, '--name', 'X', '--category', 'photo-management')).code).toBe(2);
    expect(existsSync(file)).toBe(true);
  });
});

describe('a --report path that is not a regular file', () => {
  it('may be a device such as /dev/null', async () => {
    const result = await run(
      'evaluate',
      'candidates/photo-management/ente.yaml',
      '--report',
      'json=/dev/null',
      '--as-of',
      '2026-08-01',
    );
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });
});
