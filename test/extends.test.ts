import { installedCriteriaIds } from '../src/load/criteria-sets.js';
import { describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { parseCriteria } from '../src/load/criteria.js';
import { formatProblem } from '../src/load/problem.js';
import { mergeByName, mergeFactDeclarations } from '../src/load/merge-by-name.js';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { parseManifest } from '../src/load/manifest.js';

const X = 'test/fixtures/extends';
const EXAMPLE = 'docs/examples/extends';

async function problemsOf(file: string): Promise<string[]> {
  const load = await loadCriteriaFile(file);
  if (load.ok) throw new Error(`${file} loaded`);
  return load.problems.map(formatProblem);
}

describe('extends', () => {
  it("inherits the other set's criteria first, each marked with the set it comes from, then the set's own", async () => {
    const load = await loadCriteriaFile(`${EXAMPLE}/notes.yaml`);
    if (!load.ok) throw new Error(load.problems.map(formatProblem).join('\n'));
    expect(load.set.criteria.map(({ id, from }) => [id, from])).toEqual([
      ['open-source', 'example-general'],
      ['reviewed-recently', 'example-general'],
      ['e2ee', undefined],
      ['trash-emptied', undefined],
      ['recent-audits', undefined],
    ]);
    expect(load.set.extends).toBe('general.yaml');
    expect(load.set.max_age).toBe('12 months');
  });

  it('resolves an installed id', async () => {
    const load = await loadCriteriaFile(`${X}/installed-parent.yaml`);
    if (!load.ok) throw new Error(load.problems.map(formatProblem).join('\n'));
    expect(load.set.criteria.at(0)?.from).toBe('photo-management');
    expect(load.set.criteria.at(-1)).toMatchObject({ id: 'offline' });
    expect(load.set.criteria.at(-1)?.from).toBeUndefined();
  });

  it('refuses an id the set inherits, at the clashing id', async () => {
    expect(await problemsOf(`${X}/clash.yaml`)).toEqual([
      `${X}/clash.yaml:9:11: criteria[1].id: criterion id "open-source" is already inherited from example-general (extends: ../../../docs/examples/extends/notes.yaml); give this criterion another id`,
    ]);
  });

  it('refuses a cycle at the extends that closes it, and a set that extends itself', async () => {
    expect(await problemsOf(`${X}/cycle-a.yaml`)).toEqual([
      `${X}/cycle-a.yaml:3:10: extends: the criteria set cycle-b.yaml (${X}/cycle-b.yaml) is invalid`,
      `${X}/cycle-b.yaml:3:10: extends: ./cycle-a.yaml makes a cycle: ${X}/cycle-a.yaml extends ${X}/cycle-b.yaml extends ${X}/cycle-a.yaml`,
    ]);
    expect(await problemsOf(`${X}/self.yaml`)).toEqual([
      `${X}/self.yaml:3:10: extends: self.yaml makes a cycle: ${X}/self.yaml extends ${X}/self.yaml`,
    ]);
  });

  it('names an unknown set with a did-you-mean, and an invalid one with its own problems', async () => {
    expect(await problemsOf(`${X}/unknown-parent.yaml`)).toEqual([
      `${X}/unknown-parent.yaml:3:10: extends: unknown criteria set "photo-managment"; did you mean "photo-management"? (installed: ${installedCriteriaIds().join(', ')}; or a path relative to this file)`,
    ]);
    const broken = await problemsOf(`${X}/broken-parent.yaml`);
    expect(broken[0]).toBe(
      `${X}/broken-parent.yaml:3:10: extends: the criteria set ../criteria/bad-operator.yaml (test/fixtures/criteria/bad-operator.yaml) is invalid`,
    );
    expect(broken.slice(1).every((problem) => problem.startsWith('test/fixtures/criteria/bad-operator.yaml:'))).toBe(
      true,
    );
    expect(broken.length).toBeGreaterThan(1);
  });

  it("evaluates inherited criteria like the set's own: the evaluation day, evidence and waivers included", async () => {
    const load = await loadCriteriaFile(`${EXAMPLE}/notes.yaml`);
    if (!load.ok) throw new Error('notes.yaml did not load');
    const manifest = parseManifest(
      'm.yaml',
      'pgcheck: 1\nname: M\ncategory: example-notes\nreviewed: 2024-01-01\nencryption: { e2ee: enforced }\nfacts: { trash_retention_days: 7 }\n' +
        'waivers:\n  - { criterion: open-source, reason: Publishing next month, approved_by: Review team, expires: 2026-12-31 }\n',
    );
    if (!manifest.ok) throw new Error(manifest.problems.map(formatProblem).join('\n'));
    const evaluation = evaluateManifest(load.set, manifest.loaded.manifest, { asOf: '2026-08-01' });
    const status = (id: string) => evaluation.results.find((result) => result.criterion === id)?.status;
    expect(status('open-source')).toBe('waived');
    expect(status('reviewed-recently')).toBe('fail');
    expect(evaluation.verdict).toBe('meets-minimum');
    expect(evaluation.waiverNotes).toEqual([]);
  });

  it('is kept as written, not followed, by the pure parseCriteria', () => {
    const load = parseCriteria(
      'x.yaml',
      'pgcheck_criteria: 1\nid: x\nextends: general\ntitle: X\nsource: https://example.org\nrevision: 2026-01-01\ncriteria:\n  - { id: a, level: minimum, text: A., judged: A., check: { equals: { path: hosting.cloud, value: true } } }\n',
    );
    expect(load.ok && load.set.extends).toBe('general');
    expect(load.ok && load.set.criteria.length).toBe(1);
  });
});

describe('merging what a set declares by name with what it inherits', () => {
  it('puts the inherited first and reports every clash instead of overriding', () => {
    const { merged, clashes } = mergeByName(['a', 'b'], ['c', 'a'], (name) => name);
    expect(merged).toEqual(['a', 'b', 'c']);
    expect(clashes).toEqual([{ name: 'a', index: 1, own: 'a', inherited: 'a' }]);
  });
  it('merges fact declarations (a mapping) the same way', () => {
    const { merged, clashes } = mergeFactDeclarations(
      { telemetry: { type: 'enum' } },
      { platforms: { type: 'list' }, telemetry: { type: 'text' } },
    );
    expect(merged).toEqual({ telemetry: { type: 'enum' }, platforms: { type: 'list' } });
    expect(clashes).toEqual(['telemetry']);
    expect(mergeFactDeclarations(undefined, undefined)).toEqual({ merged: {}, clashes: [] });
  });
});

describe('extends and declared facts', () => {
  const DIR = 'test/fixtures/typed-facts';

  it("inherits the parent's fact declarations, and the set's own checks may read them", async () => {
    const load = await loadCriteriaFile(`${DIR}/password-managers.yaml`);
    if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('\n'));
    expect(Object.keys(load.set.facts ?? {}).slice(0, 2)).toEqual(['platforms', 'last_pentest']);
    expect(load.set.criteria.find((criterion) => criterion.id === 'cross-platform')?.from).toBe('software-general');
    // Its own criterion reads `platforms`, which only the parent declares.
    expect(load.set.criteria.find((criterion) => criterion.id === 'desktop-and-mobile')?.from).toBeUndefined();
  });

  it('refuses a fact declared again by the extending set, at its key', async () => {
    const load = await loadCriteriaFile(`${DIR}/invalid/redeclares-inherited-fact.yaml`);
    expect(load.ok).toBe(false);
    expect(
      load.ok ? [] : load.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`),
    ).toEqual([
      '9:3: facts.platforms: the fact "platforms" is already declared by software-general (extends: ../general.yaml); use it as declared there, or give this fact another name',
    ]);
  });
});
