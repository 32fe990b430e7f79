import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCheck, evaluate, loadCriteria, parseCriteria, parseManifest } from '../src/index.js';
import { type CheckProblem, compileCheck } from '../src/operators/compile.js';
import { operators } from '../src/operators/registry.js';
import { manifestSchema } from '../src/schema/manifest.js';
import { parse } from 'yaml';
import { repoRoot } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';

const HELP_BASE = 'https://github.com/pgcheck/pgcheck/blob/main/docs/criteria/photo-management/';
const pages = join(repoRoot, 'docs/criteria/photo-management');
const set = await loadCriteria('photo-management');

/** The ```yaml examples of a criterion page: the status and reason its first line claims, and the manifest part. */
function examples(page: string): { status: string; reason: string; yaml: string }[] {
  return [...readFileSync(join(pages, page), 'utf8').matchAll(/```yaml\n# ([a-z-]+): (.*)\n([\s\S]*?)```/g)].map(
    (match) => ({
      status: match[1] ?? '',
      reason: match[2] ?? '',
      yaml: match[3] ?? '',
    }),
  );
}

describe('criterion pages', () => {
  it('every shipped criterion links its page in `help`, and the page exists', () => {
    for (const criterion of set.criteria) {
      expect(criterion.help).toBe(`${HELP_BASE}${criterion.id}.md`);
      expect(existsSync(join(pages, `${criterion.id}.md`)), criterion.id).toBe(true);
    }
    const documented = readdirSync(pages).filter((file) => file !== 'README.md');
    expect(documented.sort()).toEqual(set.criteria.map((criterion) => `${criterion.id}.md`).sort());
  });

  it.each(set.criteria.map((criterion) => criterion.id))(
    '%s: every example gives the status and reason the page claims',
    (id) => {
      const criterion = set.criteria.find((candidate) => candidate.id === id);
      if (!criterion) throw new Error(id);
      const page = readFileSync(join(pages, `${id}.md`), 'utf8');
      expect(page).toContain(`> ${criterion.text.trim()}`);
      expect(page).toContain(`- Check: ${describeCheck(criterion.check)}`);
      const found = examples(`${id}.md`);
      expect(new Set(found.map((example) => example.status))).toEqual(
        new Set(criterion.appliesWhen ? ['pass', 'fail', 'unknown', 'not-applicable'] : ['pass', 'fail', 'unknown']),
      );
      for (const example of found) {
        const head = example.yaml.startsWith('name:')
          ? 'pgcheck: 1\ncategory: photo-management\n'
          : 'pgcheck: 1\nname: Example\ncategory: photo-management\n';
        const load = parseManifest(`${id}.md`, `${head}${example.yaml}`);
        if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('; '));
        // The examples leave out sources for brevity (the page says so), so judge them without the evidence rule.
        const [result] = evaluate(
          { ...set, criteria: [{ ...criterion, evidenceRequired: false }] },
          load.loaded.manifest,
        ).results;
        expect({ status: result?.status, reason: result?.reason }, example.yaml).toEqual({
          status: example.status,
          reason: example.reason,
        });
      }
    },
  );
});

const doc = (name: string) => readFileSync(join(repoRoot, 'docs', name), 'utf8');
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('docs/criteria.md', () => {
  it('documents every operator of the check vocabulary under its own heading', () => {
    const text = doc('criteria.md');
    for (const name of operators.keys()) expect(text, name).toContain(`#### \`${name}\``);
  });

  it('has examples that load: the file example validates and every check example compiles', () => {
    const blocks = yamlBlocks(doc('criteria.md'));
    const file = blocks.find((block) => block.startsWith('pgcheck_criteria:')) ?? '';
    const load = parseCriteria('criteria.md', file);
    expect(load.ok ? [] : load.problems).toEqual([]);
    const checks = blocks.filter((block) => block.startsWith('check:'));
    expect(checks.length).toBeGreaterThanOrEqual(operators.size);
    for (const block of checks) {
      const problems: CheckProblem[] = [];
      compileCheck((parse(block) as { check: unknown }).check, ['check'], { schema: manifestSchema }, problems);
      expect(problems, block).toEqual([]);
    }
  });
});

describe('docs/manifest.md', () => {
  it('names every field of the manifest schema (sources once, for every section)', () => {
    const text = doc('manifest.md');
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema/manifest.schema.json'), 'utf8'));
    const paths = new Set<string>();
    const visit = (node: { properties?: Record<string, object>; items?: object; anyOf?: object[] }, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const childPath = path ? `${path}.${key}` : key;
        // Every list of sources (a section's, an audit's, or the top-level sources.audits) has the same entries.
        paths.add(
          childPath.replace(/^.*\bsources(\.(audits|facts))?\[\]/, 'sources[]').replace(/^.+\.sources$/, 'sources'),
        );
        visit(child, childPath);
      }
      if (node.items) visit(node.items, `${path}[]`);
      for (const option of node.anyOf ?? []) visit(option, path);
    };
    visit(schema, '');
    for (const path of paths) expect(text, path).toContain(`\`${path}\``);
  });

  it('has a complete example that validates', () => {
    const example = yamlBlocks(doc('manifest.md')).find((block) => block.includes('pgcheck: 1')) ?? '';
    const load = parseManifest('manifest.md', example);
    expect(load.ok ? [] : load.problems).toEqual([]);
  });
});

describe('docs/criteria.md worked example (extends and the newer operators)', () => {
  const sessions = [...doc('criteria.md').matchAll(/```console\n\$ pgcheck (.*)\n([\s\S]*?)```/g)].map((match) => ({
    args: (match[1] ?? '').split(' '),
    output: match[2] ?? '',
  }));
  it('has the commands', () => {
    expect(sessions.map((session) => session.args[0])).toEqual(['criteria', 'compare']);
  });
  it.each(sessions.map((session) => [session.args.join(' '), session] as const))(
    '%s prints what the page shows',
    async (_name, session) => {
      const run = await runCli(session.args);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(session.output);
    },
  );
});
