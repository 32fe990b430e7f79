import { installedCriteriaIds } from '../src/load/criteria-sets.js';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const SECOND = 'test/fixtures/second-category';
const EXAMPLE = 'docs/examples/extends';
const AS_OF = ['--as-of', '2026-08-01'];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pgcheck-beside-'));
}

describe('criteria sets found among the paths of a run', () => {
  it("validate dir/ resolves the manifests' category against the criteria file found in the same run", async () => {
    const run = await runCli(['validate', SECOND]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`ok  ${SECOND}/candidates/inkwell.yaml (manifest, note-taking)`);
    expect(run.stdout).toContain('3 files: 3 valid, 0 invalid');
    expect(run.code).toBe(0);
  });

  it('evaluate and compare use a criteria file among the paths, even when the manifests come first in file order', async () => {
    const run = await runCli(['evaluate', SECOND, '--format', 'json', ...AS_OF]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(
      report.candidates.map((candidate: { criteria: string; verdict: string }) => [
        candidate.criteria,
        candidate.verdict,
      ]),
    ).toEqual([
      ['note-taking', 'meets-minimum'],
      ['note-taking', 'fails-minimum'],
    ]);
    expect(run.code).toBe(1);
    expect((await runCli(['compare', SECOND, ...AS_OF])).code).toBe(1);
  });

  it('a criteria file named outright is a set of the run; named alone it is still reported as a mistake', async () => {
    const both = await runCli([
      'evaluate',
      `${SECOND}/note-taking.yaml`,
      `${SECOND}/candidates/inkwell.yaml`,
      ...AS_OF,
    ]);
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    const alone = await runCli(['evaluate', `${SECOND}/note-taking.yaml`, ...AS_OF]);
    expect(alone.stderr).toBe(
      `${SECOND}/note-taking.yaml:1:1: this is a criteria file, not a candidate manifest (give it with --criteria)\n`,
    );
    expect(alone.code).toBe(2);
  });

  it('--criteria-dir (repeatable) is searched after the installed sets and the paths', async () => {
    const run = await runCli([
      'evaluate',
      `${SECOND}/candidates`,
      '--criteria-dir',
      'test/fixtures/criteria',
      '--criteria-dir',
      SECOND,
      ...AS_OF,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('against note-taking');
    expect(run.code).toBe(1);
    const validated = await runCli(['validate', `${SECOND}/candidates`, '--criteria-dir', SECOND]);
    expect([validated.code, validated.stderr]).toEqual([0, '']);
    const init = await runCli(['init', '--name', 'Notes', '--category', 'note-taking', '--criteria-dir', SECOND]);
    expect(init.stdout).toContain('category: note-taking');
    expect(init.code).toBe(0);
  });

  it('--criteria-dir must name a directory', async () => {
    const run = await runCli(['evaluate', `${SECOND}/candidates`, '--criteria-dir', 'nope-not-here']);
    expect(run.stderr).toContain('nope-not-here is not a directory');
    expect(run.code).toBe(2);
  });

  it('without the set, the category is still unknown (and says which sets were found)', async () => {
    const run = await runCli(['evaluate', `${SECOND}/candidates/inkwell.yaml`, EXAMPLE, ...AS_OF]);
    expect(run.stderr).toContain(
      `category: unknown criteria set "note-taking" (installed: ${installedCriteriaIds().join(', ')}; found: example-general, example-notes; for another set, give its file with --criteria)`,
    );
    expect(run.code).toBe(2);
  });

  it('the same id in two files is an error at the second, naming both files', async () => {
    const dir = scratch();
    copyFileSync(`${SECOND}/note-taking.yaml`, join(dir, 'a-notes.yaml'));
    copyFileSync(`${SECOND}/note-taking.yaml`, join(dir, 'b-notes.yaml'));
    copyFileSync(`${SECOND}/candidates/inkwell.yaml`, join(dir, 'inkwell.yaml'));
    const expected = `${join(dir, 'b-notes.yaml')}:3:5: id: the criteria set "note-taking" is defined twice, here and in ${join(dir, 'a-notes.yaml')}, which this run used for category note-taking; give one of them another id`;
    const evaluated = await runCli(['evaluate', dir, ...AS_OF]);
    expect(evaluated.stderr).toBe(`${expected}\n`);
    expect(evaluated.code).toBe(2);
    const validated = await runCli(['validate', dir]);
    expect(validated.stderr).toBe(`${expected}\n`);
    expect(validated.code).toBe(2);
  });

  it('a file with the id of an installed set is an error too, wherever it comes in file order', async () => {
    const dir = scratch();
    const copy = join(dir, 'aaa-photo-management.yaml');
    writeFileSync(
      copy,
      readFileSync('criteria/photo-management.yaml', 'utf8').replace(
        'title: Photo Management',
        'title: My own photo management',
      ),
    );
    const run = await runCli(['evaluate', dir, 'candidates/photo-management/ente.yaml', ...AS_OF]);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${copy}:\\d+:\\d+: id: the criteria set "photo-management" is defined twice, here and in \\S+criteria/photo-management.yaml, which this run used`,
      ),
    );
    expect(run.code).toBe(2);
    // The shipped set given as a path is the same file, not a second definition.
    expect((await runCli(['validate', 'candidates', 'criteria'])).code).toBe(0);
  });
});

describe('a report says which set an inherited criterion comes from', () => {
  it('json: `from` on the inherited criteria of the criteria list, and only there', async () => {
    const run = await runCli(['evaluate', EXAMPLE, '--format', 'json', ...AS_OF]);
    const [set] = JSON.parse(run.stdout).criteria;
    expect(
      set.criteria.map((criterion: { id: string; from?: string }) => [criterion.id, criterion.from ?? null]),
    ).toEqual([
      ['open-source', 'example-general'],
      ['reviewed-recently', 'example-general'],
      ['e2ee', null],
      ['trash-emptied', null],
      ['recent-audits', null],
    ]);
  });

  it('markdown and html describe the criterion with its origin; criteria show says it too', async () => {
    const markdown = (await runCli(['evaluate', EXAMPLE, '--format', 'markdown', ...AS_OF])).stdout;
    expect(markdown).toContain(
      '- **open-source** (example-notes, minimum, from example-general): Must publish its source code.',
    );
    expect(markdown).toContain('- **e2ee** (example-notes, minimum): Must encrypt notes end to end.');
    expect((await runCli(['evaluate', EXAMPLE, '--format', 'html', ...AS_OF])).stdout).toContain(
      '(example-notes, minimum, from example-general)',
    );
    const shown = await runCli(['criteria', 'show', `${EXAMPLE}/notes.yaml`, '--format', 'json']);
    const details = JSON.parse(shown.stdout);
    expect(details.extends).toBe('general.yaml');
    expect(details.criteria[0]).toMatchObject({ id: 'open-source', from: 'example-general' });
    expect(details.criteria[2].from).toBeUndefined();
    expect((await runCli(['criteria', 'show', `${EXAMPLE}/notes.yaml`])).stdout).toContain(
      'open-source (minimum, from example-general)',
    );
  });
});
