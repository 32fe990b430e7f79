import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { parseCriteria } from '../src/load/criteria.js';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { planChecks } from '../src/verify/plan.js';
import type { Manifest } from '../src/schema/manifest.js';
import { repoRoot } from './helpers/cli.js';

/** Runs the CLI in-process and collects what it printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
  };
  const code = await main(['node', 'pgcheck', ...args], io);
  return { code, stdout, stderr };
}

/** A six-criterion password-manager set as a new user would write it, with its facts declared. */
const SET = `pgcheck_criteria: 1
id: example-password-managers
title: Password managers
source: https://example.org/pm
revision: 2026-01-01
max_age: 12 months
facts:
  telemetry: { type: enum, values: [none, opt-in, opt-out, mandatory], text: What the app sends home. }
  kdf_iterations: { type: integer, min: 1, text: PBKDF2 iterations by default. }
  offline_mode: { type: boolean, text: Works without a network. }
criteria:
  - id: telemetry
    level: minimum
    text: No telemetry without consent.
    judged: facts.telemetry is none or opt-in.
    evidence: required
    check: { one-of: { path: facts.telemetry, values: [none, opt-in] } }
  - id: kdf
    level: minimum
    text: Strong KDF.
    judged: facts.kdf_iterations is at least 600000.
    check: { at-least: { path: facts.kdf_iterations, value: 600000 } }
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-facts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const header = 'pgcheck: 1\nname: Vault\ncategory: example-password-managers\n';

describe('the problems of issue 11 that fact declarations fix', () => {
  it('a typo in a fact name is an error with a did-you-mean, in validate and evaluate alike', async () => {
    const dir = workspace({ 'set.yaml': SET, 'vault.yaml': `${header}facts:\n  telemetery: opt-out\n` });
    const set = join(dir, 'set.yaml');
    const validated = await run(['validate', '--criteria', set, join(dir, 'vault.yaml')]);
    const evaluated = await run(['evaluate', '--criteria', set, join(dir, 'vault.yaml'), '--as-of', '2026-08-01']);
    const message = `${join(dir, 'vault.yaml')}:5:3: facts.telemetery: unknown fact "telemetery"; did you mean "telemetry"? (the criteria set declares: telemetry, kdf_iterations, offline_mode)\n`;
    expect(validated).toMatchObject({ code: 2, stderr: message });
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toContain(message);
  });

  it('a quoted number is an error that says to remove the quotes, not an unknown result', async () => {
    const dir = workspace({ 'set.yaml': SET, 'vault.yaml': `${header}facts:\n  kdf_iterations: "600000"\n` });
    const evaluated = await run([
      'evaluate',
      '--criteria',
      join(dir, 'set.yaml'),
      join(dir, 'vault.yaml'),
      '--as-of',
      '2026-08-01',
    ]);
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toContain(
      'vault.yaml:5:19: facts.kdf_iterations: expected a number, got "600000" (remove the quotes)',
    );
  });

  it('a value outside an enum fact is an error naming the allowed values', async () => {
    const dir = workspace({ 'set.yaml': SET, 'vault.yaml': `${header}facts:\n  telemetry: sometimes\n` });
    const validated = await run(['validate', '--criteria', join(dir, 'set.yaml'), join(dir, 'vault.yaml')]);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(
      'facts.telemetry: expected one of "none", "opt-in", "opt-out", "mandatory", got "sometimes"',
    );
  });

  it('a check on an undeclared fact, an impossible value or an operator on the wrong kind of fact does not compile', () => {
    const checks = [
      'equals: { path: facts.ofline_mode, value: true }',
      'equals: { path: facts.offline_mode, value: "yes" }',
      'at-least: { path: facts.offline_mode, value: 1 }',
    ];
    const text = `${SET}${checks.map((check, index) => `  - { id: c${index}, level: best-case, text: t, judged: j, check: { ${check} } }\n`).join('')}`;
    const load = parseCriteria('set.yaml', text);
    expect(
      load.ok ? [] : load.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`),
    ).toEqual([
      '23:78: criteria[2].check.equals.path: path "facts.ofline_mode" is not a fact this set declares; did you mean "facts.offline_mode"? (declared: telemetry, kdf_iterations, offline_mode)',
      '24:70: criteria[3].check.equals: equals on facts.offline_mode: "yes" can never be a value of this field',
      '25:72: criteria[4].check.at-least: at-least on facts.offline_mode: this operator needs a path to a number',
    ]);
  });

  it('evidence and staleness are judged fact by fact: one fact lacking a source is named', () => {
    const load = parseCriteria('set.yaml', SET);
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const manifest = {
      reviewed: '2026-06-01',
      facts: {
        telemetry: 'opt-in',
        kdf_iterations: { value: 600000, sources: [{ url: 'https://k', retrieved: '2024-01-01' }] },
      },
    };
    const results = evaluateManifest(load.set, manifest, { asOf: '2026-08-01' }).results;
    expect(results[0]).toMatchObject({
      status: 'unknown',
      reason: 'no source for facts.telemetry (facts.telemetry is opt-in)',
    });
    expect(results[1]?.stale?.reason).toContain('facts.kdf_iterations checked 2024-01-01');
    const sourced = evaluateManifest(
      load.set,
      { ...manifest, facts: { telemetry: { value: 'opt-in', sources: ['https://t'] } } },
      { asOf: '2026-08-01' },
    );
    expect(sourced.results[0]).toMatchObject({ status: 'pass', reason: 'facts.telemetry is opt-in' });
  });

  it('verify checks sources.audits and sources.facts of a photo-management manifest too (free-form facts)', () => {
    const manifest = {
      pgcheck: 1,
      name: 'Photos',
      category: 'photo-management',
      encryption: { e2ee: 'enforced', sources: ['https://e.example/architecture'] },
      audits: [],
      sources: { audits: ['https://a.example/security'], facts: ['https://f.example/offline'] },
      facts: { offline_mode: true },
    } as unknown as Manifest;
    expect(planChecks(manifest, new Set()).map((check) => check.path.join('.'))).toEqual([
      'encryption.sources.0',
      'sources.audits.0',
      'sources.facts.0',
    ]);
  });

  it('verify checks the sources of sources.facts, sources.audits and each fact', () => {
    const manifest = {
      pgcheck: 1,
      name: 'Vault',
      category: 'example-password-managers',
      audits: [],
      sources: { audits: ['https://a.example/none'], facts: ['https://f.example/facts'] },
      facts: {
        telemetry: { value: 'opt-in', sources: [{ url: 'https://t.example/privacy', quote: 'off until you opt in' }] },
      },
    } as unknown as Manifest;
    const load = parseCriteria('set.yaml', SET);
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const planned = planChecks(manifest, new Set(), load.set.facts).map(
      (check) => `${check.kind} ${'url' in check ? check.url : ''} ${check.path.join('.')}`,
    );
    expect(planned).toEqual([
      'reachable https://a.example/none sources.audits.0',
      'reachable https://f.example/facts sources.facts.0',
      'reachable https://t.example/privacy facts.telemetry.sources.0',
      'quote https://t.example/privacy facts.telemetry.sources.0.quote',
    ]);
  });
});

describe('the worked example of docs/criteria.md', () => {
  const text = readFileSync(join(repoRoot, 'docs/criteria.md'), 'utf8');
  const block = (start: string) =>
    [...text.matchAll(/```(?:yaml|text)\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? '')
      .find((body) => body.startsWith(start)) ?? '';
  const set = block('# password-managers.yaml');
  const manifest = block('# vaultly.yaml');

  async function evaluate(manifestText: string) {
    const dir = workspace({ 'password-managers.yaml': set, 'vaultly.yaml': manifestText });
    const result = await run([
      'evaluate',
      '--criteria',
      join(dir, 'password-managers.yaml'),
      join(dir, 'vaultly.yaml'),
      '--as-of',
      '2026-08-01',
      '--format',
      'json',
    ]);
    return { ...result, dir };
  }

  it('passes every criterion as the page says', async () => {
    const { code, stdout } = await evaluate(manifest);
    expect(code).toBe(0);
    const results = (JSON.parse(stdout) as { candidates: { results: { criterion: string; status: string }[] }[] })
      .candidates[0]?.results;
    expect(results?.map((result) => `${result.criterion} ${result.status}`)).toEqual([
      'no-mandatory-telemetry pass',
      'strong-kdf pass',
      'mobile pass',
    ]);
  });

  it('without sources.facts, only the short-form fact lacks a source', async () => {
    const { stdout } = await evaluate(manifest.replace(/sources:\n {2}facts: .*\n/, ''));
    const results = (
      JSON.parse(stdout) as { candidates: { results: { criterion: string; status: string; reason: string }[] }[] }
    ).candidates[0]?.results;
    expect(results?.[0]).toMatchObject({ status: 'pass' });
    expect(results?.[1]).toMatchObject({
      status: 'unknown',
      reason: 'no source for facts.kdf_iterations (facts.kdf_iterations is 600000)',
    });
  });

  it('a typo in a fact name stops at the manifest with the message the page shows', async () => {
    const { code, stderr, dir } = await evaluate(manifest.replace('  telemetry:', '  telemetery:'));
    expect(code).toBe(2);
    expect(stderr).toBe(`${join(dir, block('vaultly.yaml:7:3'))}`);
  });
});

describe('pgcheck schema --category', () => {
  it('for a set that declares no facts, is the manifest schema under its own $id', async () => {
    const base = await run(['schema']);
    const category = await run(['schema', '--category', 'photo-management']);
    expect(category.code).toBe(0);
    const { $id, ...rest } = JSON.parse(category.stdout) as Record<string, unknown>;
    const { $id: _baseId, ...baseRest } = JSON.parse(base.stdout) as Record<string, unknown>;
    expect($id).toBe('https://pgcheck.dev/schema/photo-management.manifest.schema.json');
    expect(rest).toEqual(baseRest);
  });

  it('refuses --criteria with --category, and a category that names no set', async () => {
    expect(await run(['schema', '--criteria', '--category', 'photo-management'])).toMatchObject({
      code: 2,
      stdout: '',
    });
    const unknown = await run(['schema', '--category', 'photo-managment']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "photo-management"?');
  });
});
