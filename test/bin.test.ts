import { describe, expect, it } from 'vitest';
import { runBin, runBinPinned, runCli, transcript, withoutCheckout } from './helpers/cli.js';

const M = 'test/fixtures/manifests';

/**
 * The few golden runs that go through the real bin (the bundle run by bin/pgcheck.js, as users run
 * it), pinning stdout, stderr and exit code in the same golden files as the in-process runs: one per
 * command and exit code, and the usage errors commander reports.
 */
const cases: [golden: string, args: string[]][] = [
  ['golden/evaluate-ente.txt', ['evaluate', 'candidates/photo-management/ente.yaml']],
  ['golden/evaluate-candidates-dir.txt', ['evaluate', 'candidates/photo-management']],
  [
    'golden/bad-files-do-not-stop-good-ones.txt',
    ['evaluate', `${M}/typo-key.yaml`, 'candidates/photo-management/photoprism.yaml', `${M}/malformed.yaml`],
  ],
  ['golden/escapes-stripped.txt', ['evaluate', `${M}/escapes.yaml`]],
  ['golden/format-sarif.txt', ['evaluate', 'candidates/photo-management', '--format', 'sarif']],
  ['golden/compare-table.txt', ['compare', 'candidates/photo-management', '--format', 'table']],
  ['golden/unknown-format.txt', ['evaluate', '--format', 'xml', 'candidates/photo-management']],
  ['golden/unknown-command.txt', ['evalute', 'candidates/photo-management']],
  [
    'golden-commands/validate-bad-files.txt',
    [
      'validate',
      `${M}/typo-key.yaml`,
      'test/fixtures/criteria/bad-operator.yaml',
      'candidates/photo-management/ente.yaml',
      `${M}/malformed.yaml`,
    ],
  ],
  ['golden-commands/init-stdout.txt', ['init', '--name', 'Ente Photos', '--category', 'photo-management']],
  ['golden-commands/criteria-show.txt', ['criteria', 'show', 'photo-management']],
  [
    'golden/verify-invalid-files.txt',
    ['verify', `${M}/typo-key.yaml`, 'test/fixtures/verify/offline/nothing-online.yaml', `${M}/malformed.yaml`],
  ],
];

describe('golden runs of the real bin', () => {
  it.each(cases)('%s', async (golden, args) => {
    await expect(transcript(withoutCheckout(runBinPinned(args)))).toMatchFileSnapshot(golden);
  });
});

describe('the real bin and an in-process run agree', () => {
  it.each([
    ['--help', ['--help'], {}],
    ['--version', ['--version'], {}],
    [
      'colour forced on',
      ['evaluate', 'candidates/photo-management/ente.yaml', '--as-of', '2026-08-01'],
      { FORCE_COLOR: '1' },
    ],
    [
      'NO_COLOR',
      ['evaluate', 'candidates/photo-management/ente.yaml', '--as-of', '2026-08-01'],
      { FORCE_COLOR: '', NO_COLOR: '1' },
    ],
  ] as const)('%s', async (_name, args, env) => {
    const bin = runBin([...args], env);
    expect(await runCli([...args], env)).toEqual(bin);
    expect(bin.stdout.length).toBeGreaterThan(0);
  });
});
