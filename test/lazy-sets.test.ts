import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

/**
 * A run reads only the criteria sets its manifests use (and the sets those extend), however many are
 * installed: here every installed set is there, plus one that cannot be parsed, which a run that
 * read every set would report.
 */
describe('installed criteria sets are loaded lazily', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-lazy-'));
  for (const name of readdirSync(join(repoRoot, 'criteria')))
    if (name.endsWith('.yaml')) copyFileSync(join(repoRoot, 'criteria', name), join(dir, name));
  writeFileSync(join(dir, 'unread.yaml'), 'pgcheck_criteria: 1\nid: [unclosed\n');

  it('a photo-management run never reads another set', async () => {
    const report = await evaluateFiles(['candidates/photo-management/ente.yaml'], {
      criteriaDir: dir,
      asOf: '2026-12-01',
    });
    expect(report.errors).toEqual([]);
    expect(report.candidates.map((candidate) => candidate.verdict)).toEqual(['meets-minimum']);
  });

  it('a set that extends general reads general too, and nothing else', async () => {
    const report = await evaluateFiles(['candidates/notebooks/notesnook.yaml'], {
      criteriaDir: dir,
      asOf: '2026-12-01',
    });
    expect(report.errors).toEqual([]);
    expect(report.candidates[0]?.results.map((result) => result.criterion)).toContain('active-development');
  });

  it('the unreadable set is reported when a manifest names it', async () => {
    const manifest = join(dir, 'uses-unread.yaml');
    writeFileSync(manifest, 'pgcheck: 1\nname: X\ncategory: unread\n');
    const report = await evaluateFiles([manifest], { criteriaDir: dir, asOf: '2026-12-01' });
    expect(report.errors.length).toBeGreaterThan(0);
  });
});
