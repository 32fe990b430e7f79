import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asText, manifestValue, mutated } from './fuzz/arbitraries.js';
import { throughPipeline } from './fuzz/pipeline.js';
import { fuzzSettings, propertyTimeout, shipped } from './fuzz/settings.js';

describe('fuzz: no manifest makes pgcheck crash or answer badly', () => {
  it(
    'manifests generated from the schema, as YAML and JSON',
    async () => {
      await fc.assert(
        fc.asyncProperty(asText(manifestValue), async (text) => void (await throughPipeline(text))),
        fuzzSettings(0.3),
      );
    },
    propertyTimeout,
  );
  it(
    'nearly-right manifests (a valid one with random edits)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(shipped.manifest), async (text) => void (await throughPipeline(text))),
        fuzzSettings(0.2),
      );
    },
    propertyTimeout,
  );
  it(
    'reaches every exit code, so the property is not vacuous',
    async () => {
      const codes = new Set<number>();
      for (const text of fc.sample(asText(manifestValue), { numRuns: 200, seed: 42 }))
        codes.add(await throughPipeline(text));
      expect([...codes].sort()).toEqual([0, 1, 2]);
    },
    propertyTimeout,
  );
});
