import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, transcript } from './helpers/cli.js';

const M = 'test/fixtures/manifests';
const BROKEN_CRITERIA = 'test/fixtures/criteria/bad-operator.yaml';
const NOTE_TAKING = 'test/fixtures/second-category/note-taking.yaml';

/** Each case runs the CLI in-process and pins its stdout, stderr and exit code in test/golden-commands/<name>.txt. */
const cases: Record<string, string[]> = {
  'validate-shipped': ['validate', 'candidates', 'criteria'],
  'validate-bad-files': [
    'validate',
    `${M}/typo-key.yaml`,
    BROKEN_CRITERIA,
    'candidates/photo-management/ente.yaml',
    `${M}/malformed.yaml`,
  ],
  'validate-every-problem-at-once': ['validate', `${M}/wrong-type.yaml`, `${M}/unknown-spdx.yaml`],
  'validate-unknown-category': ['validate', `${M}/unknown-category.yaml`],
  'validate-missing-file': ['validate', 'candidates/nope.yaml', 'candidates/photo-management/ente.yaml'],
  'validate-json': [
    'validate',
    '--format',
    'json',
    `${M}/typo-key.yaml`,
    'candidates/photo-management/ente.yaml',
    'criteria',
  ],
  'validate-quiet': ['validate', '--quiet', `${M}/typo-key.yaml`, 'candidates'],
  'validate-quiet-all-valid': ['validate', '-q', 'candidates'],
  'validate-other-category': ['validate', '--criteria', NOTE_TAKING, 'test/fixtures/second-category'],
  'validate-other-category-not-given': ['validate', 'test/fixtures/second-category'],
  'validate-bad-criteria-option': ['validate', '--criteria', BROKEN_CRITERIA, 'candidates'],
  'validate-no-paths': ['validate'],
  'init-stdout': ['init', '--name', 'Ente Photos', '--category', 'photo-management'],
  'init-needs-category': ['init', '--name', 'Ente Photos'],
  'init-over-existing-file': [
    'init',
    'candidates/photo-management/ente.yaml',
    '--name',
    'Ente Photos',
    '--category',
    'photo-management',
  ],
  'init-unknown-category': ['init', '--name', 'Tool', '--category', 'photo-managment'],
  'init-broken-category-file': ['init', '--name', 'Tool', '--category', BROKEN_CRITERIA],
  'init-no-name': ['init'],
  'init-other-category': ['init', '--name', 'Notes App', '--category', NOTE_TAKING],
  'criteria-list': ['criteria'],
  'criteria-list-json': ['criteria', 'list', '--format', 'json'],
  'criteria-list-paths': ['criteria', 'photo-management', NOTE_TAKING],
  'criteria-show': ['criteria', 'show', 'photo-management'],
  'criteria-show-json': ['criteria', 'show', 'photo-management', '--format', 'json'],
  'criteria-show-path': ['criteria', 'show', '--criteria', NOTE_TAKING],
  'criteria-show-unknown-id': ['criteria', 'show', 'photo-managment'],
  'criteria-show-broken-file': ['criteria', 'show', BROKEN_CRITERIA],
  'criteria-show-nothing': ['criteria', 'show'],
};

describe('golden CLI runs of validate, init and criteria', () => {
  it.each(Object.entries(cases))('%s', async (name, args) => {
    await expect(transcript(await runCli(args))).toMatchFileSnapshot(`golden-commands/${name}.txt`);
  });
});

describe('exit codes of validate, init and criteria', () => {
  it.each([
    ['every file valid', ['validate', 'candidates', 'criteria'], 0],
    ['a typo in a manifest', ['validate', 'candidates', `${M}/typo-key.yaml`], 2],
    ['a broken criteria file', ['validate', BROKEN_CRITERIA], 2],
    [
      'a manifest naming another category, given with --criteria',
      ['validate', '--criteria', NOTE_TAKING, 'test/fixtures/second-category'],
      0,
    ],
    ['init to stdout', ['init', '--name', 'X', '--category', 'photo-management'], 0],
    ['init without --category, more than one set installed', ['init', '--name', 'X'], 2],
    [
      'init over an existing file',
      ['init', 'candidates/photo-management/ente.yaml', '--name', 'X', '--category', 'photo-management'],
      2,
    ],
    ['criteria show of an unknown id', ['criteria', 'show', 'nope'], 2],
    [
      'a waiver for a criterion the set lacks (evaluate rejects it too)',
      ['validate', 'test/fixtures/evidence/unknown-waiver.yaml'],
      2,
    ],
    ['criteria show of a path', ['criteria', 'show', NOTE_TAKING], 0],
  ] as const)('%s', async (_name, args, code) => {
    expect((await runCli([...args])).code).toBe(code);
  });

  it('criteria list of an unknown id reports that id only, and does not claim that no set is installed', async () => {
    const run = await runCli(['criteria', 'list', 'photo-managment']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown criteria set "photo-managment"');
    expect(run.stdout).toBe('');
  });

  it('validate names a waiver for a criterion the set lacks at its line, as evaluate does', async () => {
    const file = 'test/fixtures/evidence/unknown-waiver.yaml';
    const validated = (await runCli(['validate', file])).stderr;
    const evaluated = (await runCli(['evaluate', file, '--as-of', '2026-08-01'])).stderr;
    expect(validated).toContain('is not a criterion of photo-management');
    expect(validated).toBe(evaluated);
  });

  it('init leaves an existing file as it was', async () => {
    const before = readFileSync('candidates/photo-management/ente.yaml', 'utf8');
    await runCli([
      'init',
      'candidates/photo-management/ente.yaml',
      '--name',
      'Overwritten',
      '--category',
      'photo-management',
    ]);
    expect(readFileSync('candidates/photo-management/ente.yaml', 'utf8')).toBe(before);
  });
});
