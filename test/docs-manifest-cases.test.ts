import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { parseManifest } from '../src/load/manifest.js';
import { repoRoot } from './helpers/cli.js';

const doc = readFileSync(join(repoRoot, 'docs/manifest.md'), 'utf8');
const cases = doc.split('## Cases the fields do not settle at a glance')[1]?.split('\n## ')[0] ?? '';
const load = await loadCriteriaFile(join(repoRoot, 'criteria/photo-management.yaml'));
if (!load.ok) throw new Error('photo-management did not load');
// The doc's claims are about the checks, not the evidence rule: judge without it.
const set = {
  ...load.set,
  criteria: load.set.criteria.map((criterion) => ({ ...criterion, evidenceRequired: false })),
};

function statusOf(criterion: string, body: string): string | undefined {
  const parsed = parseManifest('m.yaml', `pgcheck: 1\nname: Example\ncategory: photo-management\n${body}`);
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('; '));
  const evaluation = evaluateManifest(set, parsed.loaded.manifest, { asOf: '2026-08-01' });
  return evaluation.results.find((result) => result.criterion === criterion)?.status;
}

describe('docs/manifest.md answers what a new reviewer had to guess', () => {
  it('covers sign-in through an identity provider, encryption when self-hosted only, paid supporter tiers and a bare audit year', () => {
    for (const topic of [
      'identity provider (OIDC',
      '`encryption` for a tool with no hosted service',
      'paid supporter',
      'audit dated only by year',
    ]) {
      expect(cases, topic).toContain(topic);
    }
  });

  it('holds: no own second factor fails mfa, and a waiver naming the delegation shows as waived', () => {
    expect(statusOf('mfa', 'authentication: { mfa: [], passkey_login: false }\n')).toBe('fail');
    const waiver =
      "waivers:\n  - { criterion: mfa, reason: MFA is left to the operator's OIDC provider, approved_by: Review team, expires: 2026-12-31 }\n";
    expect(statusOf('mfa', `authentication: { mfa: [], passkey_login: false }\n${waiver}`)).toBe('waived');
  });

  it('holds: e2ee does not apply without a hosted service, whatever encryption.e2ee says', () => {
    for (const e2ee of ['none', 'enforced'])
      expect(statusOf('e2ee', `hosting: { cloud: false }\nencryption: { e2ee: ${e2ee} }\n`)).toBe('not-applicable');
  });
});
