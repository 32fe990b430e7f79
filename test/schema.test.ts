import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import { parse } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { categorySchemaFile } from '../src/init/init-manifest.js';
import { installedCriteriaIds, loadCriteria } from '../src/index.js';
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

describe("the schemas of the installed sets' manifests", () => {
  const withFacts = async () => {
    const sets = await Promise.all(installedCriteriaIds().map((id) => loadCriteria(id)));
    return sets.filter((set) => set.facts !== undefined);
  };

  it('schema/<set>.manifest.schema.json is up to date for every installed set that declares facts', async () => {
    const sets = await withFacts();
    expect(sets.length).toBeGreaterThan(1);
    // No schema is left behind for a set renamed, removed or no longer declaring facts.
    const files = readdirSync(new URL('../schema/', import.meta.url)).filter(
      (name) => name.endsWith('.manifest.schema.json') && name !== 'manifest.schema.json',
    );
    expect(files.sort()).toEqual(sets.map((set) => categorySchemaFile(set.id)).sort());
    for (const set of sets)
      expect(committed(categorySchemaFile(set.id)), set.id).toEqual(
        manifestJsonSchema({ id: set.id, ...(set.facts ? { facts: set.facts } : {}) }),
      );
  });

  it("every shipped candidate points editors at its category's schema, facts typed", async () => {
    const typed = new Set((await withFacts()).map((set) => set.id));
    const root = new URL('../candidates/', import.meta.url);
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of readdirSync(new URL(`${dir.name}/`, root))) {
        const first = readFileSync(new URL(`${dir.name}/${name}`, root), 'utf8').split('\n')[0];
        const schema = typed.has(dir.name) ? categorySchemaFile(dir.name) : 'manifest.schema.json';
        expect(first, `candidates/${dir.name}/${name}`).toBe(`# yaml-language-server: $schema=../../schema/${schema}`);
      }
    }
  });

  it('init names the schema of an installed category that declares facts', async () => {
    const run = await runCli(['init', '--name', 'X', '--category', 'vpn']);
    expect(run.stdout.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/pgcheck/pgcheck/main/schema/vpn.manifest.schema.json',
    );
  });
});

// ajv-formats is CommonJS whose types declare an ES default export: required, its plugin is the module itself.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

describe('what an editor sees', () => {
  it('every shipped candidate is valid against the JSON Schema its $schema line names (ajv, draft 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    const root = new URL('../candidates/', import.meta.url);
    const invalid: string[] = [];
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of readdirSync(new URL(`${dir.name}/`, root))) {
        const text = readFileSync(new URL(`${dir.name}/${name}`, root), 'utf8');
        const schemaFile = new URL(`${dir.name}/${/\$schema=(\S+)/.exec(text)?.[1] ?? ''}`, root);
        let validate = validators.get(schemaFile.href);
        if (!validate) {
          validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
          validators.set(schemaFile.href, validate);
        }
        if (!validate(parse(text))) invalid.push(`${dir.name}/${name}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(validators.size).toBeGreaterThan(1);
    expect(invalid).toEqual([]);
  });
});
