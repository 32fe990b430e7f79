import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criteriaJsonSchema, manifestJsonSchema } from '../src/schema/json-schema.js';
import { runCli } from './helpers/cli.js';

const committed = (name: string) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8'));

describe('generated JSON Schema', () => {
  it('schema/manifest.schema.json is up to date with the zod schema (npm run schema to refresh)', () => {
    expect(committed('manifest.schema.json')).toEqual(manifestJsonSchema());
  });
  it('schema/criteria.schema.json is up to date with the zod schema', () => {
    expect(committed('criteria.schema.json')).toEqual(criteriaJsonSchema());
  });
  it('`pgcheck schema` prints the manifest schema', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(committed('manifest.schema.json'));
  });
  it('describes the format version, the sections and refuses unknown keys', () => {
    const schema = manifestJsonSchema() as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
      required: string[];
    };
    expect(schema.required).toEqual(['pgcheck', 'name', 'category']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('web_interface');
  });
});
