import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pgcheck-future-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifest(name: string, reviewed: string, retrieved: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `pgcheck: 1
name: ${name}
category: photo-management
reviewed: ${reviewed}
pricing:
  free_plan: true
  sources:
    - { url: https://example.org/pricing, retrieved: ${retrieved} }
`,
  );
  return path;
}

/** Runs the CLI in-process (test/helpers/cli.ts), as `{ code, out, err }`. */
async function run(...args: string[]) {
  const { code, stdout, stderr } = await runCli(args);
  return { code, out: stdout, err: stderr };
}

describe('evidence dated in the future (issue 14, item 2)', () => {
  it('is an error with its position when reviewed is after today; the other files are still evaluated', async () => {
    const future = manifest('future-reviewed', '2999-01-01', '2026-01-01');
    const fine = manifest('fine', '2026-01-01', '2026-01-01');
    const result = await run('evaluate', future, fine, '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(
        `^${future}:4:11: reviewed: 2999-01-01 is after today \\(\\d{4}-\\d{2}-\\d{2}\\); a date in the future cannot be right$`,
        'm',
      ),
    );
    const report = JSON.parse(result.out) as { candidates: { name: string }[] };
    expect(report.candidates.map((candidate) => candidate.name)).toEqual(['fine']);
  });
  it('is an error when a source was retrieved after today', async () => {
    const future = manifest('future-retrieved', '2026-01-01', '2999-12-31');
    const result = await run('evaluate', future);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(`^${future}:8:54: pricing\\.sources\\[0\\]\\.retrieved: 2999-12-31 is after today`, 'm'),
    );
  });
  it('is an error for validate too', async () => {
    const future = manifest('future-validate', '2999-01-01', '2026-01-01');
    const result = await run('validate', future);
    expect(result.code).toBe(2);
    expect(result.err + result.out).toContain(`${future}:4:11: reviewed: 2999-01-01 is after today`);
  });
  it('is a warning when a date is after an explicit --as-of but not after today', async () => {
    const later = manifest('later', '2026-03-01', '2026-04-01');
    const result = await run('evaluate', later, '--as-of', '2026-02-01');
    expect(result.code).toBe(0);
    expect(result.err.split('\n')).toEqual([
      `${later}:4:11: warning: reviewed: 2026-03-01 is after the evaluation day 2026-02-01: reviewed after the evaluation day, so this report may use facts not known then`,
      `${later}:8:54: warning: pricing.sources[0].retrieved: 2026-04-01 is after the evaluation day 2026-02-01: retrieved after the evaluation day, so this report may use facts not known then`,
      '',
    ]);
    expect(result.out).toContain('later');
  });
  it('says nothing about dates on or before the evaluation day', async () => {
    const same = manifest('same-day', '2026-02-01', '2026-02-01');
    const result = await run('evaluate', same, '--as-of', '2026-02-01');
    expect(result.err).toBe('');
  });
});
