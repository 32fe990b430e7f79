import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedCriteriaIds } from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

/**
 * Each set's page (docs/criteria/<set>/README.md) has a table of its shipped candidates: verdict, best
 * case, and every result that is not a pass with its reason. The table is written by hand; this holds
 * it to the pinned evaluation (test/golden-categories/<set>.json, judged on the same day), so a change
 * that moves a verdict or a result cannot leave the page behind.
 */
interface Pinned {
  candidates: {
    name: string;
    verdict: string;
    best_case: { passed: number; total: number };
    results: { criterion: string; status: string; stale?: unknown }[];
  }[];
}

const sets = installedCriteriaIds().filter((id) => id !== 'general');

function tableRows(set: string): { name: string; verdict: string; bestCase: string; rest: string }[] {
  const page = readFileSync(join(repoRoot, 'docs/criteria', set, 'README.md'), 'utf8');
  const section = page.slice(page.indexOf('## Where pgcheck disagrees with the site'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| candidate'))
    .map((line) => {
      const [name = '', verdict = '', bestCase = '', ...rest] = line.slice(2, -2).split(' | ');
      return {
        name: name.replace(/^\[(.*)\]\(.*\)$/, '$1'),
        verdict: verdict.replaceAll('`', '').split(' ')[0] ?? '',
        bestCase,
        rest: rest.join(' | '),
      };
    });
}

/** The criterion ids a table cell names, whole ids only (`kill-switch` is not named by `configurable-kill-switch`). */
function namedIds(cell: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(cell));
}

describe('disagreement tables', () => {
  it.each(sets)('%s: the table says what the pinned evaluation says', (set) => {
    const pinned = JSON.parse(readFileSync(join(repoRoot, 'test/golden-categories', `${set}.json`), 'utf8')) as Pinned;
    const rows = tableRows(set);
    expect(rows.map((row) => row.name).sort()).toEqual(pinned.candidates.map((candidate) => candidate.name).sort());
    for (const candidate of pinned.candidates) {
      const row = rows.find((entry) => entry.name === candidate.name);
      expect([row?.verdict, row?.bestCase], candidate.name).toEqual([
        candidate.verdict,
        `${candidate.best_case.passed}/${candidate.best_case.total}`,
      ]);
      // A not-applicable result is the set's own condition at work (the page says which); the others need
      // their reason here, and a criterion named here must not be one that passes.
      const named = namedIds(
        row?.rest ?? '',
        candidate.results.map((result) => result.criterion),
      );
      const notPassing = candidate.results.filter((entry) => !['pass', 'not-applicable'].includes(entry.status));
      for (const result of notPassing)
        expect(named, `${candidate.name}: ${result.criterion} (${result.status})`).toContain(result.criterion);
      // A stale pass may be named (the tables say which passes rest on old evidence).
      const passing = candidate.results
        .filter((entry) => entry.status === 'pass' && !entry.stale)
        .map((entry) => entry.criterion);
      expect(
        named.filter((id) => passing.includes(id)),
        `${candidate.name}: named but passing`,
      ).toEqual([]);
    }
  });
});
