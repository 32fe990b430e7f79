import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedCriteriaIds, loadCriteria } from '../src/index.js';
import { loadLexer } from '../src/sync/markdown.js';
import { plainText } from '../src/sync/plain-text.js';
import { repoRoot } from './helpers/cli.js';

/**
 * Every shipped criterion quotes its page word for word: each set is compared with the bullets it was
 * built from, kept as data (test/fixtures/site-criteria/<set>.yaml) with the page and commit they were
 * read at. The data holds the page's markdown; the set holds what a reader sees (links reduced to their
 * text, emphasis dropped), with a nested bullet kept in its parent's text as "- <bullet>" on a line.
 */
interface SiteBullets {
  set: string;
  page: string;
  commit: string;
  url: string;
  bullets: { line: number; markdown: string; nested?: string[] }[];
}

const lex = await loadLexer();
const seen = (markdown: string) => plainText(lex('').inline(markdown));
const dataOf = (id: string) => join(repoRoot, 'test/fixtures/site-criteria', `${id}.yaml`);
// photo-management was written from its 2024-08-01 wording, before this data was kept; `criteria drift` watches it.
const quoted = installedCriteriaIds().filter((id) => id !== 'photo-management');

describe("criteria text is the site's, word for word", () => {
  it('covers every set that quotes the site', () => {
    expect(quoted.length).toBeGreaterThan(0);
    for (const id of quoted) expect(existsSync(dataOf(id)), dataOf(id)).toBe(true);
  });

  it.each(quoted)('%s', async (id) => {
    const data = parse(readFileSync(dataOf(id), 'utf8')) as SiteBullets;
    expect(data.set).toBe(id);
    expect(data.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(data.url).toBe(`https://github.com/privacyguides/privacyguides.org/blob/${data.commit}/${data.page}`);
    const set = await loadCriteria(id);
    const own = set.criteria.filter((criterion) => criterion.from === undefined);
    const expected = data.bullets.map(
      (bullet) => seen(bullet.markdown) + (bullet.nested ?? []).map((nested) => `\n- ${seen(nested)}`).join(''),
    );
    expect(own.map((criterion) => criterion.text.trim())).toEqual(expected);
  });
});
