import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadCriteria, parseManifest } from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

const HELP_BASE = 'https://github.com/pgcheck/pgcheck/blob/main/docs/criteria/photo-management/';
const pages = join(repoRoot, 'docs/criteria/photo-management');
const set = await loadCriteria('photo-management');

/** The ```yaml examples of a criterion page: the status and reason its first line claims, and the manifest part. */
function examples(page: string): { status: string; reason: string; yaml: string }[] {
  return [...readFileSync(join(pages, page), 'utf8').matchAll(/```yaml\n# ([a-z-]+): (.*)\n([\s\S]*?)```/g)].map((match) => ({
    status: match[1] ?? '',
    reason: match[2] ?? '',
    yaml: match[3] ?? '',
  }));
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

  it.each(set.criteria.map((criterion) => criterion.id))('%s: every example gives the status and reason the page claims', (id) => {
    const criterion = set.criteria.find((candidate) => candidate.id === id);
    if (!criterion) throw new Error(id);
    const found = examples(`${id}.md`);
    expect(new Set(found.map((example) => example.status))).toEqual(
      new Set(criterion.appliesWhen ? ['pass', 'fail', 'unknown', 'not-applicable'] : ['pass', 'fail', 'unknown']),
    );
    for (const example of found) {
      const head = example.yaml.startsWith('name:') ? 'pgcheck: 1\ncategory: photo-management\n' : 'pgcheck: 1\nname: Example\ncategory: photo-management\n';
      const load = parseManifest(`${id}.md`, `${head}${example.yaml}`);
      if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('; '));
      const [result] = evaluate({ ...set, criteria: [criterion] }, load.loaded.manifest).results;
      expect({ status: result?.status, reason: result?.reason }, example.yaml).toEqual({ status: example.status, reason: example.reason });
    }
  });
});
