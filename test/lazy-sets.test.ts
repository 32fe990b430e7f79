import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

/**
 * A run reads only the criteria sets its manifests use (and the sets those extend), however many are
 * installed. Each case installs, beside the sets it needs, every other shipped set's name as a file
 * that cannot be parsed: a run that read any of them would report it.
 */
const shipped = readdirSync(join(repoRoot, 'criteria')).filter((name) => name.endsWith('.yaml'));
const BROKEN = 'pgcheck_criteria: 1\nid: [unclosed\n';

function installedWith(readable: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-lazy-'));
  for (const name of shipped) {
    if (readable.includes(name)) copyFileSync(join(repoRoot, 'criteria', name), join(dir, name));
    else writeFileSync(join(dir, name), BROKEN);
  }
  return dir;
}

describe('installed criteria sets are loaded lazily', () => {
  it('a photo-management run reads no other set', async () => {
    const report = await evaluateFiles(['candidates/photo-management/ente.yaml'], {
      criteriaDir: installedWith(['photo-management.yaml']),
      asOf: '2026-12-01',
    });
    expect(report.errors).toEqual([]);
    expect(report.candidates.map((candidate) => candidate.verdict)).toEqual(['meets-minimum']);
  });

  it('a set that extends general reads general too, and no other', async () => {
    const report = await evaluateFiles(['candidates/notebooks/notesnook.yaml'], {
      criteriaDir: installedWith(['notebooks.yaml', 'general.yaml']),
      asOf: '2026-12-01',
    });
    expect(report.errors).toEqual([]);
    expect(report.candidates[0]?.results.map((result) => result.criterion)).toContain('active-development');
  });

  it('a set that cannot be read is reported, at its line and column, when a manifest names it', async () => {
    const dir = installedWith([]);
    const report = await evaluateFiles(['candidates/vpn/mullvad.yaml'], { criteriaDir: dir, asOf: '2026-12-01' });
    expect(report.candidates).toEqual([]);
    expect(report.errors).toContainEqual(
      expect.objectContaining({ file: join(dir, 'vpn.yaml'), line: expect.any(Number), column: expect.any(Number) }),
    );
  });
});
