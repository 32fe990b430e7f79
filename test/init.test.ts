import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileNameOf } from '../src/init/init-manifest.js';
import { manifestTemplate } from '../src/init/manifest-template.js';
import { repoRoot, runCli } from './helpers/cli.js';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
};

/** Every field path of the committed JSON Schema (generated from zod, but read here without our schema walker). */
function schemaPaths(root: JsonSchema): Map<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  const visit = (node: JsonSchema, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = path ? `${path}.${key}` : key;
      found.set(childPath, child);
      visit(child, childPath);
    }
    if (node.items) visit(node.items, `${path}[]`);
    for (const option of node.anyOf ?? []) visit(option, path);
  };
  visit(root, '');
  return found;
}

/** The template with every commented-out field line uncommented, so YAML can read which fields it has. */
function uncommented(template: string): string {
  return template
    .split('\n')
    .map((line) => (/^# +(- )?[a-z0-9_]+:/.test(line) ? line.slice(2) : line))
    .join('\n');
}

function templatePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((element) => templatePaths(element, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...templatePaths(child, path)];
  });
}

const jsonSchema = JSON.parse(readFileSync(join(repoRoot, 'schema/manifest.schema.json'), 'utf8')) as JsonSchema;
const template = manifestTemplate({ name: 'Example Tool', category: 'photo-management' });

describe('the starter manifest', () => {
  it('has a line for every field of the manifest schema, and no field the schema lacks', () => {
    const fromSchema = [...schemaPaths(jsonSchema).keys()];
    const fromTemplate = templatePaths(parse(uncommented(template)));
    expect(new Set(fromTemplate)).toEqual(new Set(fromSchema));
    expect(fromSchema.length).toBeGreaterThan(40);
  });

  it('comments every field, listing every allowed value of an enum field', () => {
    const fieldLines = template
      .split('\n')
      .filter((line) => /^(# +)?(- )?[a-z0-9_]+:/.test(line.replace(/^# +- /, '# ')));
    for (const line of fieldLines) expect(line, line).toMatch(/ # \S.{3,}/);
    const e2ee = fieldLines.find((line) => line.includes(' e2ee:')) ?? '';
    const allowed = jsonSchema.properties?.encryption?.properties?.e2ee?.enum ?? [];
    expect(allowed.length).toBe(3);
    for (const value of allowed) expect(e2ee).toContain(String(value));
    const mfa = fieldLines.find((line) => line.includes(' mfa:')) ?? '';
    for (const value of jsonSchema.properties?.authentication?.properties?.mfa?.items?.enum ?? [])
      expect(mfa).toContain(String(value));
  });

  it('gives only the required fields a value, and the editor schema line first', () => {
    const value = parse(template) as Record<string, unknown>;
    expect(value).toEqual({ pgcheck: 1, name: 'Example Tool', category: 'photo-management' });
    expect(template.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/pgcheck/pgcheck/main/schema/manifest.schema.json',
    );
  });

  it('keeps an awkward tool name intact', () => {
    for (const name of ['Foo: "Bar" #1', 'yes', '123', ' spaced ', "it's - [x]", 'Ünïcode 写真']) {
      expect((parse(manifestTemplate({ name, category: 'photo-management' })) as { name: unknown }).name).toBe(name);
    }
  });
});

describe('file names from tool names', () => {
  it.each([
    ['Ente Photos', 'ente-photos'],
    ['Ünïcode  Ñame!', 'unicode-name'],
    ['PhotoPrism®', 'photoprism'],
    ['!!!', undefined],
  ])('%s → %s', (name, expected) => {
    expect(fileNameOf(name)).toBe(expected);
  });
});

describe('pgcheck init writing files', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('writes a manifest that validates and evaluates as incomplete, every criterion unknown', async () => {
    directory = mkdtempSync(join(tmpdir(), 'pgcheck-init-'));
    const file = join(directory, 'tool.yaml');
    const init = await runCli(['init', file, '--name', 'Some Tool', '--category', 'photo-management']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`wrote ${file}`);
    expect((await runCli(['validate', file])).code).toBe(0);
    const evaluation = await runCli(['evaluate', file, '--format', 'json']);
    expect(evaluation.code).toBe(0);
    const [candidate] = (
      JSON.parse(evaluation.stdout) as { candidates: { verdict: string; results: { status: string }[] }[] }
    ).candidates;
    expect(candidate?.verdict).toBe('incomplete');
    expect(candidate?.results.length).toBe(7);
    expect(new Set(candidate?.results.map((result) => result.status))).toEqual(new Set(['unknown']));
  });

  it('names the file after the tool when given a directory', async () => {
    directory = mkdtempSync(join(tmpdir(), 'pgcheck-init-'));
    expect((await runCli(['init', directory, '--name', 'Ente Photos', '--category', 'photo-management'])).code).toBe(0);
    expect(parse(readFileSync(join(directory, 'ente-photos.yaml'), 'utf8'))).toMatchObject({ name: 'Ente Photos' });
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    directory = mkdtempSync(join(tmpdir(), 'pgcheck-init-'));
    const file = join(directory, 'taken.yaml');
    writeFileSync(file, 'mine\n');
    const refused = await runCli(['init', file, '--name', 'New', '--category', 'photo-management']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`error: ${file} already exists; pass --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await runCli(['init', file, '--name', 'New', '--force', '--category', 'photo-management'])).code).toBe(0);
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ name: 'New' });
  });

  it('reports a directory that does not exist instead of crashing', async () => {
    directory = mkdtempSync(join(tmpdir(), 'pgcheck-init-'));
    const run = await runCli([
      'init',
      join(directory, 'missing', 'x.yaml'),
      '--name',
      'X',
      '--category',
      'photo-management',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot write .*x\.yaml: no such file or directory\n$/);
  });

  it('points the editor at the checkout schema by relative path inside a pgcheck checkout', async () => {
    directory = mkdtempSync(join(repoRoot, '.tmp-init-'));
    const file = join(directory, 'tool.yaml');
    expect((await runCli(['init', file, '--name', 'X', '--category', 'photo-management'])).code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/manifest.schema.json',
    );
    expect(existsSync(join(directory, '../schema/manifest.schema.json'))).toBe(true);
  });
});

describe('init for every installed set', () => {
  const installed = readdirSync(join(repoRoot, 'criteria'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''));
  it.each(installed)(
    '%s: every line is a comment or one of the three fields given, however long a description',
    async (id) => {
      const run = await runCli(['init', '--name', 'New Tool', '--category', id]);
      expect(run.code).toBe(0);
      const strays = run.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
      expect(strays.map((line) => line.split(':')[0])).toEqual(['pgcheck', 'name', 'category']);
      expect(parse(run.stdout)).toEqual({ pgcheck: 1, name: 'New Tool', category: id });
    },
  );

  it('keeps a fact text that spans lines inside its comment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgcheck-init-'));
    const set = join(dir, 'multi.yaml');
    writeFileSync(
      set,
      'pgcheck_criteria: 1\nid: multi\ntitle: M\nsource: https://example.org/\nrevision: 2026-01-01\nfacts:\n  wide:\n    type: boolean\n    text: "First line.\\nSecond line.\\n"\ncriteria:\n  - { id: c, level: minimum, text: T, judged: J, check: { equals: { path: facts.wide, value: true } } }\n',
    );
    const run = await runCli(['init', '--name', 'X', '--category', set]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# First line. Second line: true or false [checked by: c]');
    expect(parse(run.stdout)).toEqual({ pgcheck: 1, name: 'X', category: 'multi' });
  });
});
