import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/load/source.js';
import { criteriaSetSchema } from '../src/schema/criteria.js';
import { exactCheck } from '../src/schema/exact-check.js';
import { manifestSchema } from '../src/schema/manifest.js';
import { asText, manifestValue, mutated } from './fuzz/arbitraries.js';
import { shipped } from './fuzz/settings.js';
import { repoRoot } from './helpers/cli.js';

const isExact = exactCheck(manifestSchema);

/** The promise the fast path makes: a yes means zod accepts the value and returns the same data. */
function keepsPromise(value: unknown): boolean {
  if (!isExact(value)) return true;
  const zod = manifestSchema.safeParse(value);
  expect(zod.success).toBe(true);
  expect(zod.data).toStrictEqual(value);
  return true;
}

const yamlFiles = ['candidates', 'test/fixtures/manifests', 'test/fixtures/evidence', 'test/fixtures/hostile'].flatMap((directory) =>
  readdirSync(join(repoRoot, directory))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(repoRoot, directory, name)),
);

describe('exact check: the fast path for values zod accepts unchanged', () => {
  it('says yes only where zod accepts and returns the same data (generated manifests)', () => {
    let yes = 0;
    fc.assert(
      // As text and parsed back, as the fast path only ever sees values yaml built.
      fc.property(asText(manifestValue), (text) => {
        const { value } = parseYaml('generated.yaml', text);
        if (isExact(value)) yes += 1;
        return keepsPromise(value);
      }),
      { numRuns: 500, seed: 7 },
    );
    // Not vacuous: the generator makes valid manifests often enough for the yes branch to be tested.
    expect(yes).toBeGreaterThan(25);
  });

  it('says yes only where zod agrees, for nearly-right manifests', () => {
    let yes = 0;
    fc.assert(
      fc.property(mutated(shipped.manifest), (text) => {
        const { value } = parseYaml('mutated.yaml', text);
        if (isExact(value)) yes += 1;
        return keepsPromise(value);
      }),
      { numRuns: 500, seed: 11 },
    );
    expect(yes).toBeGreaterThan(25);
  });

  it('takes the fast path for every valid manifest in the repository, and agrees with zod on the others', () => {
    let valid = 0;
    for (const file of yamlFiles) {
      const { value, problems } = parseYaml(file, readFileSync(file, 'utf8'));
      if (problems.length > 0) continue;
      const zod = manifestSchema.safeParse(value);
      if (zod.success) valid += 1;
      expect(isExact(value), file).toBe(zod.success);
    }
    expect(valid).toBeGreaterThanOrEqual(5);
  });

  it('leaves to zod what zod would change or refuse', () => {
    const ente = parseYaml('ente.yaml', readFileSync(join(repoRoot, 'candidates/ente.yaml'), 'utf8')).value as Record<string, unknown>;
    expect(isExact(ente)).toBe(true);
    // z.url() trims: zod would hand back a different string.
    expect(isExact({ ...ente, homepage: ' https://ente.io ' })).toBe(false);
    expect(manifestSchema.safeParse({ ...ente, homepage: ' https://ente.io ' }).success).toBe(true);
    expect(isExact({ ...ente, unknown_key: 1 })).toBe(false);
    expect(isExact({ ...ente, pgcheck: 2 })).toBe(false);
    expect(isExact({ ...ente, reviewed: '2026-02-30' })).toBe(false);
    expect(isExact({ ...ente, source_code: { license: 'Not-A-Licence' } })).toBe(false);
    expect(isExact({ ...ente, name: undefined })).toBe(false);
    expect(isExact(Object.assign(Object.create({ inherited: true }), ente))).toBe(false);
    expect(isExact(Object.assign(Object.create(null), ente))).toBe(false);
    expect(isExact({ ...ente, facts: { [Symbol('key')]: 'x', ok: 'yes' } })).toBe(false);
    expect(isExact({ ...ente, facts: { ok: 'yes' } })).toBe(true);
  });

  it('answers no where the schema holds a kind it does not walk (the criteria set: z.unknown checks)', () => {
    const criteria = parseYaml('set.yaml', readFileSync(join(repoRoot, 'criteria/photo-management.yaml'), 'utf8')).value;
    expect(criteriaSetSchema.safeParse(criteria).success).toBe(true);
    expect(exactCheck(criteriaSetSchema)(criteria)).toBe(false);
  });
});
