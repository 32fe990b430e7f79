import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCheck } from '../src/index.js';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { criteriaTextKey, parseCriteriaYaml } from '../src/load/criteria-parse-cache.js';
import { parseYaml } from '../src/load/source.js';
import { runCli } from './helpers/cli.js';
import { installedCriteriaDir, parsedCriteriaDir } from '../src/paths.js';

/**
 * The build parses the shipped criteria sets into dist/criteria-cache/ (scripts/criteria-cache.mjs);
 * a run loading one of them takes the value from there instead of parsing its YAML again. These tests
 * hold a hit to what a parse gives, and show that anything else is parsed as before.
 */
const shipped = readdirSync(installedCriteriaDir).filter((name) => name.endsWith('.yaml'));
const summary = (criteria: { id: string; level: string; text: string; check: Parameters<typeof describeCheck>[0] }[]) =>
  criteria.map((criterion) => [criterion.id, criterion.level, criterion.text, describeCheck(criterion.check)]);

describe('criteria files parsed at build time', () => {
  it.each(shipped)('%s: the build kept its value, and it is what a parse gives', (name) => {
    const text = readFileSync(join(installedCriteriaDir, name), 'utf8');
    const kept = join(parsedCriteriaDir, `${criteriaTextKey(text)}.json`);
    expect(existsSync(kept), `${kept} (npm run build writes it)`).toBe(true);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual(parseYaml(name, text).value);
    expect(parseCriteriaYaml(name, text).value).toEqual(parseYaml(name, text).value);
  });

  it('an edited file misses, is parsed as usual, and loads the same set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgcheck-parse-cache-'));
    copyFileSync(join(installedCriteriaDir, 'general.yaml'), join(dir, 'general.yaml'));
    const edited = join(dir, 'vpn.yaml');
    writeFileSync(edited, `${readFileSync(join(installedCriteriaDir, 'vpn.yaml'), 'utf8')}# edited\n`);
    expect(existsSync(join(parsedCriteriaDir, `${criteriaTextKey(readFileSync(edited, 'utf8'))}.json`))).toBe(false);
    const [fromCache, parsed] = await Promise.all([
      loadCriteriaFile(join(installedCriteriaDir, 'vpn.yaml')),
      loadCriteriaFile(edited, undefined, dir),
    ]);
    if (!fromCache.ok || !parsed.ok) throw new Error('a shipped set did not load');
    expect(summary(fromCache.set.criteria)).toEqual(summary(parsed.set.criteria));
    expect(fromCache.set.facts).toEqual(parsed.set.facts);
  });

  it('a hit still reports a problem at its line: positions come from a parse made when needed', async () => {
    // The shipped vpn.yaml, unchanged (a hit), extending a "general" that declares none of its facts.
    const dir = mkdtempSync(join(tmpdir(), 'pgcheck-parse-cache-'));
    const text = readFileSync(join(installedCriteriaDir, 'vpn.yaml'), 'utf8');
    writeFileSync(join(dir, 'vpn.yaml'), text);
    writeFileSync(
      join(dir, 'general.yaml'),
      'pgcheck_criteria: 1\nid: general\ntitle: G\nsource: https://example.org/\nrevision: 2026-01-01\ncriteria:\n  - { id: g, level: best-case, text: T, judged: J, check: { non-empty: { path: name } } }\n',
    );
    const load = await loadCriteriaFile(join(dir, 'vpn.yaml'), undefined, dir);
    expect(load.ok).toBe(false);
    const problems = load.ok ? [] : load.problems;
    const platforms = problems.find((problem) => problem.message.includes('facts.platforms'));
    const line = text.split('\n').findIndex((row) => row.includes('path: facts.platforms')) + 1;
    expect(platforms?.line).toBe(line);
    expect(platforms?.column).toBeGreaterThan(1);
  });
});

describe('a shipped set under tighter limits', () => {
  it('is parsed and held to them, as validate holds it, not taken from the build', async () => {
    const evaluated = await runCli(['evaluate', 'candidates/vpn/ivpn.yaml', '--max-depth', '6']);
    const validated = await runCli(['validate', 'criteria/vpn.yaml', '--max-depth', '6']);
    expect(evaluated.code).toBe(2);
    expect(validated.code).toBe(2);
    const problem = /criteria\/vpn\.yaml:\d+:\d+: nested more than 6 levels deep/;
    // The set is said to be invalid, with why, before the manifest's facts (read as free-form, so misleading).
    expect(evaluated.stderr.split('\n')[0]).toMatch(/ivpn\.yaml:\d+:\d+: category: criteria set "vpn" is invalid$/);
    expect(evaluated.stderr).toMatch(problem);
    expect(validated.stdout + validated.stderr).toMatch(problem);
  });
});
