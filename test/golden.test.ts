import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runPinned, transcript } from './helpers/cli.js';

const M = 'test/fixtures/manifests';

/**
 * Each case runs the CLI in-process and pins its stdout, stderr and exit code in test/golden/<name>.txt
 * (test/bin.test.ts holds the real bin to some of the same files).
 */
const cases: Record<string, string[]> = {
  'evaluate-ente': ['evaluate', 'candidates/photo-management/ente.yaml'],
  'evaluate-candidates-dir': ['evaluate', 'candidates/photo-management'],
  'evaluate-candidates-json': ['evaluate', 'candidates/photo-management', '--format', 'json'],
  'typo-key': ['evaluate', `${M}/typo-key.yaml`],
  'wrong-type': ['evaluate', `${M}/wrong-type.yaml`],
  'malformed-yaml': ['evaluate', `${M}/malformed.yaml`],
  'unknown-category': ['evaluate', `${M}/unknown-category.yaml`],
  'unknown-spdx': ['evaluate', `${M}/unknown-spdx.yaml`],
  'source-available': ['evaluate', `${M}/source-available.yaml`],
  incomplete: ['evaluate', `${M}/incomplete.yaml`],
  'incomplete-fail-on-unknown': ['evaluate', `${M}/incomplete.yaml`, '--fail-on', 'unknown'],
  'bad-files-do-not-stop-good-ones': [
    'evaluate',
    `${M}/typo-key.yaml`,
    'candidates/photo-management/photoprism.yaml',
    `${M}/malformed.yaml`,
  ],
  'bad-files-json': ['evaluate', `${M}/wrong-type.yaml`, 'candidates/photo-management/ente.yaml', '--format', 'json'],
  'unknown-criteria-id': ['evaluate', '--criteria', 'photo-managment', 'candidates/photo-management/ente.yaml'],
  'bad-criteria-file': [
    'evaluate',
    '--criteria',
    'test/fixtures/criteria/bad-operator.yaml',
    'candidates/photo-management/ente.yaml',
  ],
  'criteria-file-given-as-manifest': ['evaluate', 'criteria/photo-management.yaml'],
  'second-category': [
    'evaluate',
    '--criteria',
    'test/fixtures/second-category/note-taking.yaml',
    'test/fixtures/second-category',
  ],
  'missing-file': ['evaluate', 'candidates/nope.yaml', 'candidates/photo-management/ente.yaml'],
  'escapes-stripped': ['evaluate', `${M}/escapes.yaml`],
  'unknown-format': ['evaluate', '--format', 'xml', 'candidates/photo-management'],
  'no-paths': ['evaluate'],
  'unknown-command': ['evalute', 'candidates/photo-management'],
};

describe('golden CLI runs', () => {
  it.each(Object.entries(cases))('%s', async (name, args) => {
    await expect(transcript(await runPinned(args))).toMatchFileSnapshot(`golden/${name}.txt`);
  });
});

describe('exit codes', () => {
  it.each([
    ['every candidate meets the minimum', ['evaluate', 'candidates/photo-management/ente.yaml'], 0],
    ['a candidate fails the minimum', ['evaluate', 'candidates/photo-management/stingle.yaml'], 1],
    ['incomplete is not a failure by default', ['evaluate', `${M}/incomplete.yaml`], 0],
    ['incomplete fails with --fail-on unknown', ['evaluate', `${M}/incomplete.yaml`, '--fail-on', 'unknown'], 1],
    [
      'invalid input wins over failures',
      ['evaluate', 'candidates/photo-management/stingle.yaml', `${M}/typo-key.yaml`],
      2,
    ],
    ['usage error', ['evaluate', '--format', 'xml', 'candidates/photo-management'], 2],
    ['help', ['--help'], 0],
  ] as const)('%s', async (_name, args, code) => {
    expect((await runCli([...args])).code).toBe(code);
  });
});

describe('colour', () => {
  const escapes = /\u001b\[/;
  it('is off when not a terminal', async () => {
    expect(
      (await runCli(['evaluate', 'candidates/photo-management/ente.yaml'], { FORCE_COLOR: '' })).stdout,
    ).not.toMatch(escapes);
  });
  it('is forced on by FORCE_COLOR and off again by --no-color', async () => {
    expect((await runCli(['evaluate', 'candidates/photo-management/ente.yaml'], { FORCE_COLOR: '1' })).stdout).toMatch(
      escapes,
    );
    expect(
      (await runCli(['evaluate', 'candidates/photo-management/ente.yaml', '--no-color'], { FORCE_COLOR: '1' })).stdout,
    ).not.toMatch(escapes);
  });
  it('never colours table borders', async () => {
    const border = (
      await runCli(['evaluate', 'candidates/photo-management/ente.yaml'], { FORCE_COLOR: '1' })
    ).stdout.split('\n')[1];
    expect(border).toMatch(/^┌─/);
  });
});

describe('untrusted text on the terminal', () => {
  it('loses escape sequences, bidi overrides and control characters', async () => {
    const run = await runCli(['evaluate', `${M}/escapes.yaml`]);
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(run.stdout).toContain('Evil RedLink gnp.exe Second line');
  });
});

describe('--fail-on', () => {
  it('takes one state per use, so the paths after it are still paths', async () => {
    expect((await runPinned(['evaluate', '--fail-on', 'unknown', `${M}/incomplete.yaml`])).code).toBe(1);
    expect(
      (
        await runPinned([
          'evaluate',
          '--fail-on',
          'unknown',
          '--fail-on',
          'stale',
          'candidates/photo-management/ente.yaml',
        ])
      ).code,
    ).toBe(0);
    expect(
      (await runPinned(['evaluate', '--fail-on', 'unknown,stale', 'candidates/photo-management/photoprism.yaml'])).code,
    ).toBe(1);
  });
  it('refuses a state it does not know, with exit 2', async () => {
    const run = await runPinned(['evaluate', '--fail-on', 'stael', 'candidates/photo-management/ente.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail-on.*stael/);
  });
});

describe('a run that finds no manifest', () => {
  it('exits 2 and says so, since an audit of the wrong folder must not pass', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pgcheck-empty-'));
    try {
      for (const command of ['evaluate', 'compare']) {
        const run = await runPinned([command, empty]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`${empty}:1:1: no candidate manifests found (searched for *.yaml and *.yml)`);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
