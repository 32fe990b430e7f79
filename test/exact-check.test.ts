import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { z } from 'zod';
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

/**
 * Checks the promise on 500 texts, parsed as the fast path only ever sees values yaml built;
 * returns how many got a yes.
 */
function yesAnswers(texts: fc.Arbitrary<string>, seed: number): number {
  let yes = 0;
  fc.assert(
    fc.property(texts, (text) => {
      const { value } = parseYaml('generated.yaml', text);
      if (isExact(value)) yes += 1;
      return keepsPromise(value);
    }),
    { numRuns: 500, seed },
  );
  return yes;
}

const yamlFiles = ['candidates', 'test/fixtures/manifests', 'test/fixtures/evidence', 'test/fixtures/hostile'].flatMap((directory) =>
  readdirSync(join(repoRoot, directory))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(repoRoot, directory, name)),
);

describe('exact check: the fast path for values zod accepts unchanged', () => {
  it('says yes only where zod accepts and returns the same data (generated manifests)', () => {
    // Not vacuous: the generator makes valid manifests often enough for the yes branch to be tested.
    expect(yesAnswers(asText(manifestValue), 7)).toBeGreaterThan(25);
  });

  it('says yes only where zod agrees, for nearly-right manifests', () => {
    expect(yesAnswers(mutated(shipped.manifest), 11)).toBeGreaterThan(25);
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

  it('tests plain strings, enums, literals and booleans as zod does, at every edge', () => {
    const schemas = [
      z.string().min(2).max(4),
      z.string().regex(/^[a-z]+$/).max(3),
      z.string().regex(/a/g),
      z.enum(['totp', 'fido2']),
      z.literal(1),
      z.boolean(),
      z.strictObject({ id: z.string().min(1), kind: z.enum(['a', 'b']).optional(), on: z.boolean().optional() }),
    ];
    const values = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'AB', 'a1', 'ba', 'totp', 'fido2', 'sms', 1, 2, '1', true, false, 0, null, undefined, [], {}];
    const objects = values.flatMap((id) => [{ id }, { id, kind: 'a' }, { id: 'x', kind: id }, { id: 'x', on: id }]);
    for (const schema of schemas) {
      for (const value of [...values, ...objects]) {
        const zod = schema.safeParse(value);
        const same = zod.success && isDeepStrictEqual(zod.data, value);
        const answer = exactCheck(schema)(value);
        if (answer) expect(same, JSON.stringify(value)).toBe(true);
        // A field given as undefined is left to zod (YAML never makes one); otherwise the answers match.
        const hasUndefined = typeof value === 'object' && value !== null && Object.values(value).includes(undefined);
        if (!hasUndefined) expect(answer, JSON.stringify(value)).toBe(same);
      }
    }
  });

  it('answers no where the schema holds a kind it does not walk (the criteria set: z.unknown checks)', () => {
    const criteria = parseYaml('set.yaml', readFileSync(join(repoRoot, 'criteria/photo-management.yaml'), 'utf8')).value;
    expect(criteriaSetSchema.safeParse(criteria).success).toBe(true);
    expect(exactCheck(criteriaSetSchema)(criteria)).toBe(false);
  });
});
