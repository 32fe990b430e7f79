import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedCriteriaIds } from '../src/index.js';
import { repoRoot, runCli } from './helpers/cli.js';

/**
 * Every shipped category's evaluation of its shipped candidates, pinned (as JSON, judged on one day):
 * a change to a criteria set, a manifest or the engine that moves a verdict shows up here. Each
 * candidates/<set>/ directory holds the candidates of one installed set, evaluated against it by
 * their `category`; the pins are test/golden-categories/<set>.json (`vitest run -u` rewrites them).
 */
const AS_OF = '2026-12-01';
const candidateDirs = readdirSync(join(repoRoot, 'candidates'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('shipped candidates, by category', () => {
  it('has a directory of candidates for every installed set but general, and none for a set not installed', () => {
    expect(candidateDirs).toEqual(
      installedCriteriaIds()
        .filter((id) => id !== 'general')
        .sort(),
    );
  });

  it('evaluate candidates/ takes every candidate against its own set, with no input errors', async () => {
    const run = await runCli(['evaluate', 'candidates/', '--format', 'json', '--as-of', AS_OF], {}, 60_000);
    const report = JSON.parse(run.stdout) as { errors: unknown[]; candidates: { file: string; criteria: string }[] };
    expect(report.errors).toEqual([]);
    expect(report.candidates.length).toBeGreaterThanOrEqual(26);
    for (const candidate of report.candidates)
      expect(candidate.file).toBe(`candidates/${candidate.criteria}/${candidate.file.split('/').at(-1)}`);
  });

  it.each(candidateDirs)('%s', async (set) => {
    const dir = `candidates/${set}/`;
    for (const file of readdirSync(join(repoRoot, dir)).filter((name) => name.endsWith('.yaml'))) {
      const manifest = parse(readFileSync(join(repoRoot, dir, file), 'utf8')) as { category?: string };
      expect(manifest.category, `${dir}${file}`).toBe(set);
    }
    const run = await runCli(['evaluate', dir, '--format', 'json', '--as-of', AS_OF, '--require-evidence'], {}, 60_000);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { errors: unknown[]; candidates: { results: { reason: string }[] }[] };
    expect(report.errors).toEqual([]);
    // Every claim is sourced: no result is unknown for want of a source.
    const unsourced = report.candidates.flatMap((candidate) =>
      candidate.results.filter((result) => result.reason.includes('no source')),
    );
    expect(unsourced).toEqual([]);
    await expect(run.stdout).toMatchFileSnapshot(`golden-categories/${set}.json`);
  });
});
