import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCheck } from '../src/engine/describe-check.js';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { parseCriteria } from '../src/load/criteria.js';
import { readCriteriaPage } from '../src/sync/criteria-page.js';
import { loadLexer } from '../src/sync/markdown.js';
import { compile, check } from './helpers/checks.js';
import { repoRoot, transcript } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';

const F = 'test/fixtures/sync';
const SOURCE = ['--source', 'https://example.org/page/', '--revision', '2026-01-15'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgcheck-import-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Each page structure the site uses, written for these tests; the YAML imported from it is pinned. */
const pages: Record<string, { args: string[]; levels: string[] }> = {
  // front matter, intro, an HTML admonition holding a list, ### tiers, nested bullets, footnotes, abbreviations
  tiers: { args: [`${F}/tiers.md`], levels: ['minimum', 'minimum', 'minimum', 'minimum', 'best-case', 'best-case'] },
  // ### Criteria under two sub-category headings, #### Minimum Qualifications / Best-Case
  'sub-categories-cloud': {
    args: [`${F}/sub-categories.md`, '--section', 'Cloud Keepers'],
    levels: ['minimum', 'minimum', 'best-case'],
  },
  'sub-categories-local': {
    args: [`${F}/sub-categories.md`, '--section', 'local keepers'],
    levels: ['minimum', 'best-case'],
  },
  // ## Our Criteria, !!! admonition, themed ### subsections with bold Minimum to Qualify / Best Case, a lead-in
  themed: {
    args: [`${F}/themed.md`],
    levels: ['minimum', 'minimum', 'best-case', 'minimum', 'minimum', 'minimum', 'best-case'],
  },
  // no tiers, a loose list, two lists each under its own lead-in
  flat: { args: [`${F}/flat.md`], levels: ['minimum', 'minimum', 'best-case', 'minimum', 'best-case'] },
};

describe('criteria import', () => {
  it.each(Object.entries(pages))(
    'imports %s into a set that validates, each bullet once, in its tier',
    async (name, { args, levels }) => {
      const run = await runCli(['criteria', 'import', ...args, ...SOURCE]);
      await expect(transcript(run)).toMatchFileSnapshot(`golden-sync/import-${name}.txt`);
      expect(run.code).toBe(0);
      const load = parseCriteria(`${name}.yaml`, run.stdout);
      if (!load.ok) throw new Error(JSON.stringify(load.problems));
      expect(load.set.criteria.map((criterion) => criterion.level)).toEqual(levels);
      expect(new Set(load.set.criteria.map((criterion) => criterion.text)).size).toBe(levels.length);
    },
  );

  it('skips what is not a criterion: admonitions, intro and prose, footnote and abbreviation definitions, other sections', async () => {
    const text =
      (await runCli(['criteria', 'import', `${F}/tiers.md`, ...SOURCE])).stdout +
      (await runCli(['criteria', 'import', `${F}/themed.md`, ...SOURCE])).stdout;
    for (const absent of [
      'admonition',
      'Sprout',
      'Comma-separated',
      'Windows or macOS',
      'not paid',
      'ideal planner',
      'old-style',
      'radar maps',
    ])
      expect(text).not.toContain(absent);
  });

  it('reduces inline markdown to plain text and keeps nested bullets in their parent', async () => {
    const page = readCriteriaPage(await readFile(join(repoRoot, F, 'tiers.md'), 'utf8'), await loadLexer());
    expect(page.title).toBe('Garden Planners');
    expect(page.sections[0]?.bullets.map((bullet) => bullet.text).slice(0, 3)).toEqual([
      'Must store garden plans with end-to-end encryption.',
      'Must run on Linux and at least one other desktop system.',
      'Must export plans as CSV or another open format.\n- Exports must include planting dates.\n- Exports must include bed sizes.',
    ]);
  });

  it.each([
    ['sub-categories-ambiguous', [`${F}/sub-categories.md`, ...SOURCE]],
    ['unknown-section', [`${F}/sub-categories.md`, '--section', 'Pantry', ...SOURCE]],
    ['no-criteria', [`${F}/no-criteria.md`, ...SOURCE]],
    ['no-source', [`${F}/tiers.md`]],
    ['bad-revision', [`${F}/tiers.md`, '--source', 'https://example.org/', '--revision', '2026-02-30']],
    ['missing-file', [`${F}/nope.md`, ...SOURCE]],
  ])('%s: a clear error, exit 2', async (name, args) => {
    const run = await runCli(['criteria', 'import', ...args]);
    await expect(transcript(run)).toMatchFileSnapshot(`golden-sync/import-${name}.txt`);
    expect(run.code).toBe(2);
  });

  it('writes -o files, never over an existing one without --force', async () => {
    const out = join(dir, 'garden.yaml');
    const first = await runCli(['criteria', 'import', `${F}/tiers.md`, ...SOURCE, '-o', out]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toBe(`wrote ${out}: 6 criteria, each a todo check to write\n`);
    expect(await readFile(out, 'utf8')).toBe((await runCli(['criteria', 'import', `${F}/tiers.md`, ...SOURCE])).stdout);
    const again = await runCli(['criteria', 'import', `${F}/flat.md`, ...SOURCE, '-o', out]);
    expect(again).toMatchObject({ code: 2, stderr: `error: ${out} already exists; pass --force to overwrite it\n` });
    expect((await runCli(['criteria', 'import', `${F}/flat.md`, ...SOURCE, '-o', out, '--force'])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('id: flat');
  });

  it('says "1 criterion" for a page of one bullet', async () => {
    const page = join(dir, 'one.md');
    await writeFile(page, '# One\n\n## Criteria\n\n- Must do the one thing.\n');
    const out = join(dir, 'one.yaml');
    const run = await runCli(['criteria', 'import', page, ...SOURCE, '-o', out]);
    expect(run.stderr).toBe(`wrote ${out}: 1 criterion, each a todo check to write\n`);
  });

  it('reads a page from standard input with -', async () => {
    const page = await readFile(join(repoRoot, F, 'flat.md'));
    const run = spawnSync(
      process.execPath,
      ['bin/pgcheck.js', 'criteria', 'import', '-', '--id', 'generators', ...SOURCE],
      { cwd: repoRoot, input: page, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('id: generators\ntitle: Password Generators\n');
    expect(run.stdout).toContain('text: Should offer a passphrase mode.');
  });
});

describe('criteria not yet expressed as a check (todo)', () => {
  it('evaluate: every imported criterion is unknown, "not yet expressed as a check", and the verdict incomplete', async () => {
    const load = parseCriteria(
      'garden-planners.yaml',
      await readFile(join(repoRoot, F, 'garden-planners.yaml'), 'utf8'),
    );
    if (!load.ok) throw new Error('fixture set does not load');
    const evaluation = evaluateManifest(
      load.set,
      { pgcheck: 1, name: 'Anything', category: 'garden-planners', encryption: { e2ee: 'enforced' } },
      { asOf: '2026-08-01' },
    );
    expect(evaluation.verdict).toBe('incomplete');
    expect(new Set(evaluation.results.map((result) => `${result.status}: ${result.reason}`))).toEqual(
      new Set(['unknown: not yet expressed as a check']),
    );
  });

  it('combines like any unknown: a failing part still fails all, a passing part still passes any', () => {
    const manifest = { pricing: { free_plan: false, trial_days: 0 } };
    expect(
      check({ all: [{ todo: null }, { equals: { path: 'pricing.free_plan', value: true } }] }, manifest).status,
    ).toBe('fail');
    expect(
      check({ any: [{ todo: 'trial length' }, { equals: { path: 'pricing.free_plan', value: false } }] }, manifest)
        .status,
    ).toBe('pass');
    expect(
      check({ any: [{ todo: null }, { equals: { path: 'pricing.free_plan', value: true } }] }, manifest),
    ).toMatchObject({
      status: 'unknown',
      reason: 'not yet expressed as a check; or pricing.free_plan is false, needs true',
    });
    expect(describeCheck(compile({ todo: 'which field records trials?' }))).toBe(
      'not yet expressed as a check (which field records trials?)',
    );
  });

  it('validate warns about each one with its position, and the file stays valid', async () => {
    const run = await runCli(['validate', `${F}/garden-planners.yaml`]);
    await expect(transcript(run)).toMatchFileSnapshot('golden-sync/validate-todo.txt');
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(6);
    expect(run.stderr).toMatch(/^test\/fixtures\/sync\/garden-planners\.yaml:\d+:\d+: warning: criteria\[0\]\.check: /);
  });

  it('validate --format json lists the warnings', async () => {
    const run = await runCli(['validate', '--format', 'json', `${F}/garden-planners.yaml`]);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ valid: true, problems: [] });
    expect(file.warnings).toHaveLength(6);
    expect(file.warnings[5]).toMatchObject({
      message: 'criteria[5].check: criterion "show-frost-calendar-user-s" is not yet expressed as a check (todo)',
    });
  });
});
