import { installedCriteriaIds } from '../src/load/criteria-sets.js';
import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../src/verify/http.js';
import { verifyFiles } from '../src/verify/verify-files.js';
import { runCli } from './helpers/cli.js';

// A set with declared facts, found beside its manifests (no --criteria): validate, evaluate and verify
// must hold the manifests' facts to its declarations alike.
const DIR = 'test/fixtures/typed-facts';
const BESIDE = 'test/fixtures/facts-beside';

/** A client that answers every URL with 200 and records what was fetched (no network). */
function answeringClient(): { client: HttpClient; fetched: string[] } {
  const fetched: string[] = [];
  const client: HttpClient = {
    get: async (url) => {
      fetched.push(url.href);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('ok'), truncated: false };
    },
    close: async () => undefined,
  };
  return { client, fetched };
}

describe('a criteria set with declared facts, found among the paths', () => {
  it('validate holds the facts to its declarations, as evaluate does', async () => {
    const validate = await runCli(['validate', BESIDE]);
    expect(validate.stderr).toContain('bad.yaml:8:3: facts.nonsense_fact: unknown fact "nonsense_fact"');
    expect(validate.stderr).toContain('bad.yaml:7:19: facts.kdf_iterations: expected a number, got "lots"');
    expect(validate.stdout).toContain('ok  test/fixtures/facts-beside/vault.yaml (manifest, beside-facts)');
    expect(validate.code).toBe(2);
    const evaluate = await runCli(['evaluate', BESIDE, '--as-of', '2026-08-01']);
    expect(evaluate.stderr).toContain('bad.yaml:8:3: facts.nonsense_fact: unknown fact "nonsense_fact"');
    expect(evaluate.stdout).toContain('Vault (test/fixtures/facts-beside/vault.yaml): meets-minimum');
  });

  it('verify finds the set among the paths and checks per-fact sources', async () => {
    const { client, fetched } = answeringClient();
    const report = await verifyFiles([`${DIR}/candidates/vaultly.yaml`, `${DIR}/password-managers.yaml`], { client });
    expect(report.errors).toEqual([]);
    expect(fetched).toContain('https://vaultly.example/privacy');
    expect(fetched).toContain('https://vaultly.example/security');
  });

  it('verify checks that a declared url fact answers, as it does web_interface.url', async () => {
    const { client } = answeringClient();
    const report = await verifyFiles([`${DIR}/candidates/vaultly.yaml`], {
      client,
      criteria: `${DIR}/password-managers.yaml`,
    });
    const whitepaper = report.candidates[0]?.checks.find(
      (check) => check.target === 'https://vaultly.example/whitepaper.pdf',
    );
    expect(whitepaper).toMatchObject({ check: 'reachable', outcome: 'pass' });
  });

  it('an unknown category is said, not hidden behind the problems of facts read as free-form', async () => {
    for (const command of ['validate', 'evaluate']) {
      const run = await runCli([command, `${DIR}/candidates/keyhold.yaml`]);
      expect(run.stderr, command).toMatch(
        new RegExp(
          `keyhold\\.yaml:5:11: category: unknown criteria set "example-password-managers"; did you mean "password-managers"\\? \\(installed: ${installedCriteriaIds().join(', ')}; for another set, give its file with --criteria\\)`,
        ),
      );
      expect(run.code, command).toBe(2);
    }
  });
});
