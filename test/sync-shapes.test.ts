import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * The shapes of the site's pages the shipped sets follow, in pages and sets of this test's own making:
 * a page whose criteria are its opening list under no heading (the site's General Criteria), one set
 * covering a page's two criteria sections (password managers), a set that extends another (every set
 * but photo-management extends general), and a flat list whose levels the set chose.
 */
const S = 'test/fixtures/sync/shapes';

const kinds = (stdout: string) =>
  (JSON.parse(stdout) as { changes: { kind: string; criterion: string | null }[] }).changes.map(
    (change) => `${change.kind} ${change.criterion}`,
  );

describe('criteria drift and import on the shapes of the shipped sets', () => {
  it("reads a page's opening list as its criteria when it has no Criteria heading, and no level is compared for a flat list", async () => {
    const run = await runCli([
      'criteria',
      'drift',
      `${S}/house-rules.yaml`,
      '--upstream',
      `${S}/lead-list.md`,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(kinds(run.stdout)).toEqual(['unchanged quiet', 'unchanged tidy']);
    expect(run.code).toBe(0);
  });

  it('imports that opening list', async () => {
    const run = await runCli([
      'criteria',
      'import',
      `${S}/lead-list.md`,
      '--source',
      'https://example.org/house-rules/',
      '--revision',
      '2026-01-01',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('text: "Quiet: Guests should keep the noise down after ten."');
    expect(run.stdout).not.toContain('payment');
  });

  it("compares a set with all of a page's criteria sections when no --section is given, and only the set's own criteria", async () => {
    const run = await runCli([
      'criteria',
      'drift',
      `${S}/keepers.yaml`,
      '--upstream',
      'test/fixtures/sync/sub-categories.md',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(kinds(run.stdout)).toEqual([
      'unchanged e2ee',
      'unchanged free-tier',
      'unchanged audit',
      'unchanged plain-files',
      'unchanged import',
    ]);
    expect(run.code).toBe(0);
  });
});
