import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { formatters } from '../src/format/registry.js';
import { runBinPinned, runPinned as runCli, transcript, withoutCheckout } from './helpers/cli.js';

const AWKWARD = ['test/fixtures/awkward', '--criteria', 'test/fixtures/awkward/criteria.yaml'];
const compareFormats = [...formatters.values()]
  .filter((formatter) => formatter.renderCompare)
  .map((formatter) => formatter.name);

describe('golden runs of every format', () => {
  it.each([...formatters.keys()])('evaluate --format %s', async (format) => {
    await expect(
      transcript(withoutCheckout(await runCli(['evaluate', 'candidates/photo-management', '--format', format]))),
    ).toMatchFileSnapshot(`golden/format-${format}.txt`);
  });
  it.each(compareFormats)('compare --format %s', async (format) => {
    await expect(
      transcript(await runCli(['compare', 'candidates/photo-management', '--format', format])),
    ).toMatchFileSnapshot(`golden/compare-${format}.txt`);
  });
  // Hostile text must leave no escape sequence, control character or bidi override on stdout or stderr.
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200f\u202a-\u202e]/;
  it.each([...formatters.keys()])('evaluate hostile text --format %s', async (format) => {
    const run = await runCli(['evaluate', ...AWKWARD, '--format', format]);
    expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    await expect(transcript(withoutCheckout(run))).toMatchFileSnapshot(`golden/awkward-${format}.txt`);
  });
  it.each(compareFormats)('compare hostile text --format %s', async (format) => {
    const run = await runCli(['compare', ...AWKWARD, '--format', format]);
    expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    await expect(transcript(run)).toMatchFileSnapshot(`golden/awkward-compare-${format}.txt`);
  });
  it.each([
    ['compare-quiet', ['compare', 'candidates/photo-management', '--quiet']],
    ['evaluate-quiet', ['evaluate', 'candidates/photo-management', '--quiet']],
    ['evaluate-quiet-all-pass', ['evaluate', 'candidates/photo-management/ente.yaml', '--quiet']],
    ['compare-bad-files', ['compare', 'candidates/photo-management', 'test/fixtures/manifests/typo-key.yaml']],
    ['report-unknown-format', ['evaluate', 'candidates/photo-management', '--report', 'xml=out.xml']],
    ['report-no-path', ['evaluate', 'candidates/photo-management', '--report', 'junit']],
    [
      'report-unwritable',
      [
        'evaluate',
        'candidates/photo-management/ente.yaml',
        '--report',
        'json=candidates/photo-management/ente.yaml/report.json',
      ],
    ],
  ])('%s', async (name, args) => {
    await expect(transcript(await runCli(args))).toMatchFileSnapshot(`golden/${name}.txt`);
  });
});

describe('compare', () => {
  it.each([
    [['candidates/photo-management/ente.yaml'], 0],
    [['candidates/photo-management'], 1],
    [['test/fixtures/manifests/incomplete.yaml'], 0],
    [['test/fixtures/manifests/incomplete.yaml', '--fail-on', 'unknown'], 1],
    [['candidates/photo-management', 'test/fixtures/manifests/typo-key.yaml'], 2],
    [[], 2],
  ])('exits like evaluate: compare %j → %i', async (args, code) => {
    expect((await runCli(['compare', ...args])).code).toBe(code);
  });

  it('puts criteria in rows and candidates in columns, with verdict and best-case rows', async () => {
    const lines = (await runCli(['compare', 'candidates/photo-management', '--format', 'markdown'])).stdout.split('\n');
    expect(lines).toContain(
      '| criterion | level | [Ente Photos](https://ente.io) | [PhotoPrism](https://www.photoprism.app) | [Stingle Photos](https://stingle.org) |',
    );
    expect(lines).toContain('| mfa | minimum | ✓ pass | ✓ pass (stale) | ✗ fail |');
    expect(lines).toContain('| **verdict** |  | **meets-minimum** | **meets-minimum** | **fails-minimum** |');
    expect(lines).toContain('| **best case** |  | 1/1 | 0/1 | 0/1 |');
  });

  it.each(['junit', 'sarif', 'github'])('renders %s, a per-result format, the same as evaluate', async (format) => {
    expect((await runCli(['compare', 'candidates/photo-management', '--format', format])).stdout).toBe(
      (await runCli(['evaluate', 'candidates/photo-management', '--format', format])).stdout,
    );
  });
});

describe('--quiet', () => {
  it('hides candidates that meet the minimum and results that pass', async () => {
    const { stdout } = await runCli(['evaluate', 'candidates/photo-management', '--quiet', '--format', 'markdown']);
    expect(stdout).toContain('Stingle Photos');
    expect(stdout).not.toContain('## Ente Photos');
    expect(stdout).not.toContain('✓ pass');
    expect(stdout).toContain('✗ fail');
    expect(stdout).toContain('? unknown');
    expect(stdout).toMatch(/^3 candidates: 2 meet the minimum, 1 fails it/m);
  });

  it.each(['evaluate', 'compare'])(
    '%s: with --fail-on stale, shows the stale results that fail the run',
    async (command) => {
      const run = await runCli([
        command,
        'candidates/photo-management/ente.yaml',
        'candidates/photo-management/photoprism.yaml',
        '--quiet',
        '--fail-on',
        'stale',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('PhotoPrism');
      expect(run.stdout).toContain('✓ pass (stale)');
      expect(run.stdout).not.toContain('Ente Photos');
    },
  );
});

describe('--report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each report, creating directories, next to the terminal table', async () => {
    const junitPath = join(dir, 'deep/er/junit.xml');
    const jsonPath = join(dir, 'report.json');
    const run = await runCli([
      'evaluate',
      'candidates/photo-management',
      '--report',
      `junit=${junitPath}`,
      '--report',
      `json=${jsonPath}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('┌');
    expect(XMLValidator.validate(readFileSync(junitPath, 'utf8'))).toBe(true);
    expect(readFileSync(jsonPath, 'utf8')).toBe(
      (await runCli(['evaluate', 'candidates/photo-management', '--format', 'json'])).stdout,
    );
  });

  it('writes the full report even with --quiet, and the matrix for compare', async () => {
    const path = join(dir, 'compare.md');
    await runCli(['compare', 'candidates/photo-management', '--quiet', '--report', `markdown=${path}`]);
    expect(readFileSync(path, 'utf8')).toBe(
      (await runCli(['compare', 'candidates/photo-management', '--format', 'markdown'])).stdout,
    );
  });

  it('refuses an unknown format before doing anything, with exit 2', async () => {
    const path = join(dir, 'nothing.xml');
    const run = await runCli(['evaluate', 'candidates/photo-management', '--report', `xml=${path}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown format "xml"/);
    expect(existsSync(path)).toBe(false);
  });

  it('makes an unwritable path exit 2 with a message naming it', async () => {
    const run = await runCli([
      'evaluate',
      'candidates/photo-management/ente.yaml',
      '--report',
      'json=candidates/photo-management/ente.yaml/report.json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--report json=candidates/photo-management/ente.yaml/report.json: candidates/photo-management/ente.yaml is a file, not a directory',
    );
  });
});

describe('machine formats through the real bin, with hostile input', () => {
  it('junit parses back as XML', () => {
    const { stdout } = runBinPinned(['evaluate', ...AWKWARD, '--format', 'junit']);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout);
    const names = [parsed.testsuites.testsuite].flat().map((suite: { name: string }) => suite.name);
    expect(names.some((name) => name.includes('<script>window.__pwned=1</script>'))).toBe(true);
  });

  it('sarif has the structure of SARIF 2.1.0', () => {
    for (const args of [['candidates/photo-management'], AWKWARD]) {
      checkSarif(JSON.parse(runBinPinned(['evaluate', ...args, '--format', 'sarif']).stdout));
    }
  });
});

/** The parts of SARIF 2.1.0 that code-scanning consumers rely on, checked by hand. */
function checkSarif(log: any): void {
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  expect(run.tool.driver.name).toBe('pgcheck');
  const rules: any[] = run.tool.driver.rules;
  expect(rules.length).toBeGreaterThan(2);
  for (const rule of rules) {
    expect(typeof rule.id).toBe('string');
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    expect(rule.helpUri).toMatch(/^https?:\/\//);
  }
  expect(run.results.length).toBeGreaterThan(0);
  for (const result of run.results) {
    expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(['error', 'warning', 'note']).toContain(result.level);
    expect(typeof result.message.text).toBe('string');
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toMatch(/^[^\s]+\.ya?ml$/);
    expect(Number.isInteger(location.region.startLine) && location.region.startLine >= 1).toBe(true);
    expect(Number.isInteger(location.region.startColumn) && location.region.startColumn >= 1).toBe(true);
  }
}
