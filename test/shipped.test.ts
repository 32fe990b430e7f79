import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { loadManifest } from '../src/load/manifest.js';
import { runCli } from './helpers/cli.js';

const files = (dir: string) => readdirSync(new URL(`../${dir}/`, import.meta.url)).map((name) => `${dir}/${name}`);

describe('shipped files', () => {
  it.each(files('criteria'))('%s is a valid criteria set', async (file) => {
    const load = await loadCriteriaFile(file);
    expect(load.ok ? [] : load.problems).toEqual([]);
  });
  it.each(files('candidates'))('%s is a valid manifest', async (file) => {
    const load = await loadManifest(file);
    expect(load.ok ? [] : load.problems).toEqual([]);
  });
  it('photo-management has the seven criteria with their levels', async () => {
    const load = await loadCriteriaFile('criteria/photo-management.yaml');
    if (!load.ok) throw new Error('criteria did not load');
    expect(load.set.criteria.map((c) => [c.id, c.level])).toEqual([
      ['e2ee', 'minimum'],
      ['free-plan', 'minimum'],
      ['mfa', 'minimum'],
      ['web-interface', 'minimum'],
      ['export', 'minimum'],
      ['open-source', 'minimum'],
      ['audit', 'best-case'],
    ]);
  });
});

const run = await runCli(['evaluate', 'candidates', '--format', 'json']);

describe('seed candidates (research notes, section 5)', () => {
  const report = JSON.parse(run.stdout) as {
    candidates: { name: string; verdict: string; results: { criterion: string; status: string }[] }[];
  };
  const statuses = (name: string) =>
    Object.fromEntries(
      report.candidates.find((c) => c.name === name)?.results.map((r) => [r.criterion, r.status]) ?? [],
    );
  const verdict = (name: string) => report.candidates.find((c) => c.name === name)?.verdict;

  it('exits 1 because Stingle fails the minimum', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
  it('Ente meets the minimum and passes everything, audit included', () => {
    expect(verdict('Ente Photos')).toBe('meets-minimum');
    expect(statuses('Ente Photos')).toEqual({
      e2ee: 'pass',
      'free-plan': 'pass',
      mfa: 'pass',
      'web-interface': 'pass',
      export: 'pass',
      'open-source': 'pass',
      audit: 'pass',
    });
  });
  it('PhotoPrism meets the minimum, with e2ee not applicable and no audit', () => {
    expect(verdict('PhotoPrism')).toBe('meets-minimum');
    expect(statuses('PhotoPrism')).toEqual({
      e2ee: 'not-applicable',
      'free-plan': 'pass',
      mfa: 'pass',
      'web-interface': 'pass',
      export: 'pass',
      'open-source': 'pass',
      audit: 'fail',
    });
  });
  it('Stingle fails the minimum on mfa; web file management is unknown (download unconfirmed)', () => {
    expect(verdict('Stingle Photos')).toBe('fails-minimum');
    expect(statuses('Stingle Photos')).toEqual({
      e2ee: 'pass',
      'free-plan': 'pass',
      mfa: 'fail',
      'web-interface': 'unknown',
      export: 'pass',
      'open-source': 'pass',
      audit: 'fail',
    });
  });
});
