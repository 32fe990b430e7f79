import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, transcript } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';

const R = 'test/fixtures/sync/reports';
let dir: string;
let before: Record<string, unknown> & { candidates: Record<string, unknown>[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgcheck-diff-'));
  before = JSON.parse(await readFile(join(repoRoot, R, 'before.json'), 'utf8'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** A report derived from before.json by `change`, written to the temporary directory. */
async function report(name: string, change: (copy: typeof before) => void): Promise<string> {
  const copy = structuredClone(before);
  change(copy);
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(copy, null, 2));
  return file;
}

async function diff(name: string, args: string[]) {
  const run = await runCli(['diff', ...args]);
  const shown = { ...run, stdout: run.stdout.replaceAll(dir, '<tmp>'), stderr: run.stderr.replaceAll(dir, '<tmp>') };
  await expect(transcript(shown)).toMatchFileSnapshot(`golden-sync/diff-${name}.txt`);
  return run;
}

type Candidate = { file: string; verdict: string; results: { criterion: string; status: string; reason: string }[] };
const candidate = (copy: typeof before, file: string) =>
  (copy.candidates as unknown as Candidate[]).find((entry) => entry.file === file)!;

describe('pgcheck diff', () => {
  it('a criteria change that makes a verdict worse: exit 1, in each format', async () => {
    for (const format of ['table', 'json', 'markdown']) {
      const run = await diff(`criteria-change-${format}`, [`${R}/before.json`, `${R}/after.json`, '--format', format]);
      expect(run.code).toBe(1);
    }
  });

  it('the same report twice: nothing changed, exit 0', async () => {
    const run = await diff('same', [`${R}/before.json`, `${R}/before.json`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no candidate changed');
  });

  it('a verdict that got better, a result that changed without the verdict, a candidate added and one removed: exit 0', async () => {
    const after = await report('better', (copy) => {
      const stingle = candidate(copy, 'candidates/photo-management/stingle.yaml');
      stingle.verdict = 'incomplete';
      for (const result of stingle.results)
        if (result.status === 'fail') Object.assign(result, { status: 'unknown', reason: 'a reason after the fix' });
      const ente = candidate(copy, 'candidates/photo-management/ente.yaml');
      Object.assign(ente.results.find((result) => result.criterion === 'audit')!, {
        status: 'unknown',
        reason: 'audits is not given',
      });
      copy.candidates = copy.candidates.filter((entry) => entry.file !== 'candidates/photo-management/photoprism.yaml');
      copy.candidates.push({
        ...structuredClone(copy.candidates[0]!),
        file: 'candidates/new-tool.yaml',
        name: 'New Tool',
      });
    });
    const run = await diff('better-added-removed', [`${R}/before.json`, after]);
    expect(run.code).toBe(0);
    const json = JSON.parse((await runCli(['diff', `${R}/before.json`, after, '-f', 'json'])).stdout);
    expect(json.summary).toEqual({ added: 1, removed: 1, changed: 2, worse: 0, unchanged: 0 });
    expect(
      json.changed.map(
        (change: { file: string; verdict_before: string; verdict_after: string }) =>
          `${change.file} ${change.verdict_before} ${change.verdict_after}`,
      ),
    ).toEqual([
      'candidates/photo-management/ente.yaml meets-minimum meets-minimum',
      'candidates/photo-management/stingle.yaml fails-minimum incomplete',
    ]);
  });

  it.each([
    ['meets-minimum', 'incomplete', 1],
    ['meets-minimum', 'fails-minimum', 1],
    ['incomplete', 'fails-minimum', 1],
    ['fails-minimum', 'incomplete', 0],
    ['incomplete', 'meets-minimum', 0],
  ])('%s -> %s: exit %i', async (from, to, code) => {
    const old = await report(
      `from-${from}-${to}`,
      (copy) => void (candidate(copy, 'candidates/photo-management/ente.yaml').verdict = from),
    );
    const now = await report(
      `to-${from}-${to}`,
      (copy) => void (candidate(copy, 'candidates/photo-management/ente.yaml').verdict = to),
    );
    expect((await runCli(['diff', old, now])).code).toBe(code);
  });

  it('compares reports of other pgcheck versions with the same report_format', async () => {
    const other = await report('other-version', (copy) => void (copy.version = '9.9.9'));
    expect((await runCli(['diff', `${R}/before.json`, other])).code).toBe(0);
  });

  it.each([
    ['other-format', (copy: typeof before) => void (copy.report_format = 2)],
    ['not-pgcheck', (copy: typeof before) => void (copy.tool = 'conftest')],
    ['compare-json', (copy: typeof before) => void Object.assign(copy, { candidates: undefined, matrices: [] })],
    [
      'wrong-field',
      (copy: typeof before) => void (candidate(copy, 'candidates/photo-management/ente.yaml').verdict = 'great'),
    ],
  ])('refuses %s with a clear message, exit 2', async (name, change) => {
    const bad = await report(name, change);
    const run = await diff(`refused-${name}`, [`${R}/before.json`, bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['invalid-json', '{\n  "tool": "pgcheck",\n  "report_format": 1,\n  "candidates": [}\n'],
    ['binary', Buffer.from([0x7b, 0x00, 0xff, 0x7d])],
    ['empty', ''],
  ])('hostile input %s: a clear message with its position, exit 2', async (name, content) => {
    const file = join(dir, `${name}.json`);
    await writeFile(file, content);
    const run = await diff(`hostile-${name}`, [file, `${R}/after.json`]);
    expect(run.code).toBe(2);
  });

  it('a report over the size limit is refused unread; --max-file-size sets the limit', async () => {
    const run = await diff('over-limit', [`${R}/before.json`, `${R}/after.json`, '--max-file-size', '4KiB']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a missing file: exit 2', async () => {
    expect((await diff('missing', [`${R}/nope.json`, `${R}/after.json`])).code).toBe(2);
  });

  it('deeply nested JSON does not crash', async () => {
    const file = join(dir, 'deep.json');
    await writeFile(
      file,
      `{"tool":"pgcheck","report_format":1,"candidates":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    const run = await runCli(['diff', file, `${R}/after.json`]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect([0, 1, 2]).toContain(run.code);
  });
});
