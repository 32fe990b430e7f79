import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeCheck,
  evaluate,
  installedCriteriaIds,
  loadCriteria,
  parseCriteria,
  parseManifest,
} from '../src/index.js';

import { type CheckProblem, compileCheck } from '../src/operators/compile.js';
import { operators } from '../src/operators/registry.js';
import { manifestSchema } from '../src/schema/manifest.js';
import { parse } from 'yaml';
import { repoRoot } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';

/** The day examples that read dates are judged on. */
const EXAMPLES_AS_OF = '2026-12-01';

const HELP_BASE = 'https://github.com/pgcheck/pgcheck/blob/main/docs/criteria/';
const setIds = installedCriteriaIds();
const sets = await Promise.all(setIds.map((id) => loadCriteria(id)));
const pagesOf = (setId: string) => join(repoRoot, 'docs/criteria', setId);

/** The ```yaml examples of a criterion page: the status and reason its first line claims, and the manifest part. */
function examples(setId: string, page: string): { status: string; reason: string; yaml: string }[] {
  return [
    ...readFileSync(join(pagesOf(setId), page), 'utf8').matchAll(/```yaml\n# ([a-z-]+): (.*)\n([\s\S]*?)```/g),
  ].map((match) => ({
    status: match[1] ?? '',
    reason: match[2] ?? '',
    yaml: match[3] ?? '',
  }));
}

/** A set's own criteria (not those it inherits), each with its set. */
const ownCriteria = sets.flatMap((set) =>
  set.criteria.filter((criterion) => criterion.from === undefined).map((criterion) => ({ set, criterion })),
);

describe('criterion pages', () => {
  it.each(setIds)('%s: every criterion links its page in `help`, and every page is a criterion', (setId) => {
    const set = sets.find((candidate) => candidate.id === setId);
    if (!set) throw new Error(setId);
    const own = set.criteria.filter((criterion) => criterion.from === undefined);
    for (const criterion of own) {
      expect(criterion.help).toBe(`${HELP_BASE}${setId}/${criterion.id}.md`);
      expect(existsSync(join(pagesOf(setId), `${criterion.id}.md`)), criterion.id).toBe(true);
    }
    const documented = readdirSync(pagesOf(setId)).filter((file) => file !== 'README.md');
    expect(documented.sort()).toEqual(own.map((criterion) => `${criterion.id}.md`).sort());
    expect(existsSync(join(pagesOf(setId), 'README.md')), `docs/criteria/${setId}/README.md`).toBe(true);
  });

  it.each(ownCriteria.map(({ set, criterion }) => [`${set.id}/${criterion.id}`, set, criterion] as const))(
    '%s: every example gives the status and reason the page claims',
    (_name, set, criterion) => {
      const page = readFileSync(join(pagesOf(set.id), `${criterion.id}.md`), 'utf8');
      expect(page).toContain(`> ${criterion.text.trim().replaceAll('\n', '\n> ')}`);
      expect(page).toContain(`- Check: ${describeCheck(criterion.check)}`);
      expect(page, "the skeleton's placeholder is replaced by examples").not.toContain('write-examples');
      const found = examples(set.id, `${criterion.id}.md`);
      const statuses = new Set(found.map((example) => example.status));
      // The first set documents every status; the others at least a pass and a way not to pass.
      if (set.id === 'photo-management')
        expect(statuses).toEqual(
          new Set(criterion.appliesWhen ? ['pass', 'fail', 'unknown', 'not-applicable'] : ['pass', 'fail', 'unknown']),
        );
      else {
        expect(statuses.has('pass'), 'a pass example').toBe(true);
        expect(statuses.has('fail') || statuses.has('unknown'), 'a fail or unknown example').toBe(true);
      }
      for (const example of found) {
        const head = example.yaml.startsWith('name:')
          ? `pgcheck: 1\ncategory: ${set.id}\n`
          : `pgcheck: 1\nname: Example\ncategory: ${set.id}\n`;
        const load = parseManifest(`${criterion.id}.md`, `${head}${example.yaml}`);
        if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('; '));
        // The examples leave out sources for brevity (the pages say so), so judge them without the evidence rule.
        const [result] = evaluate(
          { ...set, criteria: [{ ...criterion, evidenceRequired: false }] },
          load.loaded.manifest,
          { asOf: EXAMPLES_AS_OF },
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

describe("README's table of shipped criteria sets", () => {
  it('lists every installed set with its revision and its own minimum and best-case counts', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const rows = [
      ...readme.matchAll(/^\| \[([a-z-]+)\]\(docs\/criteria\/\1\/README\.md\) \| .+? \| (\S+) \| (\d+) \| (\d+)/gm),
    ];
    expect(rows.map((row) => row[1]).sort()).toEqual([...setIds].sort());
    for (const [, id, revision, minimum, bestCase] of rows) {
      const set = sets.find((candidate) => candidate.id === id);
      const own = set?.criteria.filter((criterion) => criterion.from === undefined) ?? [];
      expect([revision, Number(minimum), Number(bestCase)], id).toEqual([
        set?.revision,
        own.filter((criterion) => criterion.level === 'minimum').length,
        own.filter((criterion) => criterion.level === 'best-case').length,
      ]);
    }
  });
});
