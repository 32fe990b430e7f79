import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { asText, criteriaValue, manifestValue, mutated, rawBytes, yamlish } from './fuzz/arbitraries.js';
import { throughPipeline } from './fuzz/pipeline.js';
import { fuzzSettings, propertyTimeout, shipped } from './fuzz/settings.js';
import { repoRoot, runBin } from './helpers/cli.js';

describe('fuzz: no text, bytes or criteria file makes pgcheck crash or answer badly', () => {
  it(
    'random YAML-ish text, graphemes and raw bytes',
    async () => {
      const input = fc.oneof(yamlish, rawBytes, fc.string({ unit: 'grapheme', maxLength: 200 }));
      await fc.assert(
        fc.asyncProperty(input, async (text) => void (await throughPipeline(text))),
        fuzzSettings(0.2),
      );
    },
    propertyTimeout,
  );
  it(
    'random YAML values of any shape',
    async () => {
      const value = fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true });
      await fc.assert(
        fc.asyncProperty(value, async (v) => void (await throughPipeline(stringify(v) ?? ''))),
        fuzzSettings(0.1),
      );
    },
    propertyTimeout,
  );
  it(
    'criteria files generated from the schema, and nearly-right ones',
    async () => {
      const criteria = fc.oneof(asText(criteriaValue), mutated(shipped.criteria));
      await fc.assert(
        fc.asyncProperty(criteria, asText(manifestValue), async (c, m) => void (await throughPipeline(m, c))),
        fuzzSettings(0.2),
      );
    },
    propertyTimeout,
  );
});

describe('fuzz: a few cases through the real bin', () => {
  it('exits 0, 1 or 2 with well-formed JSON, and still evaluates the valid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgcheck-fuzz-bin-'));
    try {
      const texts = fc.sample(fc.oneof(asText(manifestValue), mutated(shipped.manifest), yamlish), {
        numRuns: 3,
        seed: 7,
      });
      const files = texts.map((text, index) => {
        const file = join(dir, `case-${index}.yaml`);
        writeFileSync(file, text);
        return file;
      });
      const valid = join(repoRoot, 'candidates/photo-management/ente.yaml');
      const run = runBin(['evaluate', '--format', 'json', ...files, valid]);
      expect([0, 1, 2]).toContain(run.code);
      const report = JSON.parse(run.stdout) as { candidates: { file: string }[] };
      expect(report.candidates.map((c) => c.file)).toContain(valid);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
