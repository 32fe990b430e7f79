import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { parseLicense } from '../src/schema/spdx.js';
import { loadManifest } from '../src/load/manifest.js';
import { runCli } from './helpers/cli.js';

const files = (dir: string) =>
  readdirSync(new URL(`../${dir}/`, import.meta.url))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => `${dir}/${name}`);

describe('shipped files', () => {
  it.each(files('criteria'))('%s is a valid criteria set', async (file) => {
    const load = await loadCriteriaFile(file);
    expect(load.ok ? [] : load.problems).toEqual([]);
  });
  it.each(files('candidates/photo-management'))('%s is a valid manifest', async (file) => {
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

const run = await runCli(['evaluate', 'candidates/photo-management', '--format', 'json']);

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

describe('licences of what is shipped', () => {
  const yamlFiles = readdirSync(new URL('../criteria/', import.meta.url)).filter((name) => name.endsWith('.yaml'));
  it.each(yamlFiles)(
    'criteria/%s says in its header whose words it quotes, from which page, under which licence',
    async (name) => {
      const text = readFileSync(new URL(`../criteria/${name}`, import.meta.url), 'utf8');
      // The header's comment lines as one text, so a phrase may wrap.
      const header = text
        .slice(0, text.indexOf('pgcheck_criteria:'))
        .split('\n')
        .map((line) => line.replace(/^#\s?/, ''))
        .join(' ');
      const load = await loadCriteriaFile(`criteria/${name}`);
      if (!load.ok) throw new Error(name);
      expect(header).toContain('© Privacy Guides and its contributors');
      expect(header).toContain('CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)');
      expect(header).toContain('see LICENSE beside it');
      expect(header).toContain(load.set.source.replace(/#.*$/, ''));
      expect(header).toContain(load.set.revision);
    },
  );
  it('criteria/LICENSE carries the CC BY-SA 4.0 legal code, and the root LICENSE is MIT', () => {
    const criteria = readFileSync(new URL('../criteria/LICENSE', import.meta.url), 'utf8');
    expect(criteria).toContain('Creative Commons Attribution-ShareAlike 4.0 International Public License');
    expect(readFileSync(new URL('../LICENSE', import.meta.url), 'utf8')).toMatch(/^MIT License\n/);
  });
  it("package.json's licence names both, as an SPDX expression", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { license: string };
    expect(pkg.license).toBe('(MIT AND CC-BY-SA-4.0)');
    expect(parseLicense(pkg.license)).not.toHaveProperty('error');
  });
});
