import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** Runs the CLI in-process (test/helpers/cli.ts), as `{ code, out, err }`. */
async function run(...args: string[]) {
  const { code, stdout, stderr } = await runCli([...args, '--as-of', '2026-08-01']);
  return { code, out: stdout, err: stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'pgcheck-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'old'));
mkdirSync(join(dir, 'new'));
const older = join(dir, 'old', 'ente.yaml');
const newer = join(dir, 'new', 'ente.yaml');
copyFileSync('candidates/photo-management/ente.yaml', older);
copyFileSync('candidates/photo-management/ente.yaml', newer);

describe('compare columns (issue 14, item 5)', () => {
  it('follow the order of the arguments, not sorted paths', async () => {
    const { out } = await run(
      'compare',
      'candidates/photo-management/stingle.yaml',
      'candidates/photo-management/ente.yaml',
      '--format',
      'markdown',
    );
    expect(out).toContain(
      '| criterion | level | [Stingle Photos](https://stingle.org) | [Ente Photos](https://ente.io) |',
    );
    const table = (
      await run('compare', 'candidates/photo-management/stingle.yaml', 'candidates/photo-management/ente.yaml')
    ).out;
    expect(table.indexOf('Stingle Photos')).toBeLessThan(table.indexOf('Ente Photos'));
  });
  it('keep sorted order within a directory, after the files named before it', async () => {
    const { out } = await run(
      'compare',
      'candidates/photo-management/stingle.yaml',
      'candidates/photo-management',
      '--format',
      'json',
    );
    const names = JSON.parse(out).matrices[0].candidates.map((candidate: { file: string }) => candidate.file);
    expect(names).toEqual([
      'candidates/photo-management/stingle.yaml',
      'candidates/photo-management/ente.yaml',
      'candidates/photo-management/photoprism.yaml',
    ]);
  });
  it('with the same candidate name are told apart by the file under the name', async () => {
    const markdown = (await run('compare', newer, older, '--format', 'markdown')).out;
    expect(markdown).toContain(
      `| criterion | level | [Ente Photos](https://ente.io) (${newer}) | [Ente Photos](https://ente.io) (${older}) |`,
    );
    const html = (await run('compare', newer, older, '--format', 'html')).out;
    expect(html).toContain(`rel="noreferrer noopener">Ente Photos</a><br><small>${newer}</small></th>`);
    const table = (await run('compare', newer, older)).out;
    const head = table.split('\n').slice(1, 8).join('\n');
    expect(head).toContain('Ente Photos');
    expect(head).toContain(newer.slice(-12));
    expect(head.indexOf(newer.slice(-12))).toBeGreaterThan(head.indexOf('Ente Photos'));
  });
  it('evaluate keeps sorted paths', async () => {
    const { out } = await run(
      'evaluate',
      'candidates/photo-management/stingle.yaml',
      'candidates/photo-management/ente.yaml',
      '--format',
      'json',
    );
    expect(JSON.parse(out).candidates.map((candidate: { name: string }) => candidate.name)).toEqual([
      'Ente Photos',
      'Stingle Photos',
    ]);
  });
});

describe('compare --format json', () => {
  it('says which day it judged as of, as evaluate does', async () => {
    const compared = JSON.parse((await run('compare', 'candidates/photo-management', '--format', 'json')).out);
    const evaluated = JSON.parse((await run('evaluate', 'candidates/photo-management', '--format', 'json')).out);
    expect(compared.as_of).toBe('2026-08-01');
    expect(compared.as_of).toBe(evaluated.as_of);
  });
});
