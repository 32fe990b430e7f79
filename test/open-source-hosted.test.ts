import { describe, expect, it } from 'vitest';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { loadCriteria } from '../src/index.js';
import { inlineSet } from './helpers/inline-set.js';
import { describeCheck } from '../src/engine/describe-check.js';

const shipped = await loadCriteria('photo-management');

function openSource(manifest: Record<string, unknown>) {
  // Evidence is another criterion's business here: judge the facts alone.
  const set = {
    ...shipped,
    criteria: shipped.criteria.filter((c) => c.id === 'open-source').map((c) => ({ ...c, evidenceRequired: false })),
  };
  const [result] = evaluateManifest(set, manifest).results;
  return result;
}

describe('open-source for a hosted service (issue 14, item 1)', () => {
  it('is unknown when the service is hosted and its components are not recorded', () => {
    const result = openSource({ hosting: { cloud: true }, source_code: { license: 'GPL-3.0-or-later' } });
    expect(result).toMatchObject({ status: 'unknown', path: 'source_code.components'.split('.') });
    expect(result?.reason).toBe('source_code.components is not given (needed since hosting.cloud is true)');
  });
  it('passes a hosted service that lists no components beyond the main licence (components: [])', () => {
    expect(
      openSource({ hosting: { cloud: true }, source_code: { license: 'GPL-3.0-or-later', components: [] } })?.status,
    ).toBe('pass');
  });
  it('judges a hosted service by its listed components', () => {
    const components = [{ name: 'server', license: 'LicenseRef-proprietary' }];
    expect(openSource({ hosting: { cloud: true }, source_code: { license: 'MIT', components } })?.status).toBe('fail');
    expect(
      openSource({
        hosting: { cloud: true },
        source_code: { license: 'MIT', components: [{ name: 'server', license: 'AGPL-3.0-only' }] },
      })?.status,
    ).toBe('pass');
  });
  it('treats a self-hosted tool (or one whose hosting is not recorded) as before', () => {
    expect(openSource({ hosting: { cloud: false }, source_code: { license: 'AGPL-3.0-only' } })).toMatchObject({
      status: 'pass',
      reason: 'source_code.license AGPL-3.0-only is OSI-approved and source_code.components is not given',
    });
    expect(openSource({ source_code: { license: 'AGPL-3.0-only' } })?.status).toBe('pass');
    const components = [{ name: 'plugin', license: 'BUSL-1.1' }];
    expect(openSource({ hosting: { cloud: false }, source_code: { license: 'MIT', components } })?.status).toBe('fail');
  });
});

describe('the when operator', () => {
  const set = (check: string) =>
    inlineSet(`criteria:
  - id: c
    level: minimum
    text: C.
    judged: C.
    check:
${check}
`);
  const check = set(`      when:
        if: { equals: { path: hosting.cloud, value: true } }
        then: { equals: { path: encryption.e2ee, value: enforced } }
        else: { equals: { path: hosting.self_hostable, value: true } }`);
  const run = (manifest: unknown) => evaluateManifest(check, manifest).results[0];

  it('runs then when the condition passes, else when it fails', () => {
    expect(run({ hosting: { cloud: true }, encryption: { e2ee: 'enforced' } })?.status).toBe('pass');
    expect(run({ hosting: { cloud: true }, encryption: { e2ee: 'none' } })).toMatchObject({
      status: 'fail',
      reason: 'encryption.e2ee is none, needs enforced',
    });
    expect(run({ hosting: { cloud: false, self_hostable: true } })).toMatchObject({
      status: 'pass',
      reason: 'hosting.self_hostable is true',
    });
  });
  it('relies on the condition as well as the branch it took', () => {
    expect(run({ hosting: { cloud: true }, encryption: { e2ee: 'enforced' } })?.reads).toEqual([
      ['hosting', 'cloud'],
      ['encryption', 'e2ee'],
    ]);
  });
  it('is unknown when the condition is, unless both branches agree', () => {
    expect(run({ encryption: { e2ee: 'enforced' }, hosting: { self_hostable: true } })?.status).toBe('pass');
    expect(run({ encryption: { e2ee: 'none' }, hosting: { self_hostable: false } })?.status).toBe('fail');
    expect(run({ encryption: { e2ee: 'enforced' }, hosting: { self_hostable: false } })).toMatchObject({
      status: 'unknown',
      reason: 'hosting.cloud is not given, and the check depends on it',
    });
  });
  it('passes when the condition fails and there is no else', () => {
    const implication = set(`      when:
        if: { equals: { path: hosting.cloud, value: true } }
        then: { equals: { path: encryption.e2ee, value: enforced } }`);
    expect(evaluateManifest(implication, { hosting: { cloud: false } }).results[0]).toMatchObject({
      status: 'pass',
      reason: 'does not apply: hosting.cloud is false',
    });
  });
  it('describes itself in plain words', () => {
    expect(describeCheck(check.criteria[0]!.check)).toBe(
      'when hosting.cloud is true: encryption.e2ee is "enforced"; otherwise: hosting.self_hostable is true',
    );
  });
});

describe('init explains components (issue 14, item 1)', () => {
  it("says a hosted service's server goes there and [] means none", async () => {
    const { manifestTemplate } = await import('../src/init/manifest-template.js');
    const line = manifestTemplate({ name: 'X', category: 'photo-management' })
      .split('\n')
      .find((text) => text.includes('components:'));
    expect(line).toContain("such as a hosted service's server; [] when there are none");
  });
});
