import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, withoutCheckout } from './helpers/cli.js';

// Each `<!-- sample: ARGS -->` comment is followed by a fenced block holding the stdout of
// `pgcheck ARGS`, as scripts/format-samples.mjs writes it (`npm run docs:formats` refreshes them).
const SAMPLE = /<!-- sample: (.+?) -->\n````([a-z]*)\n([\s\S]*?)````/g;
const samples = [...readFileSync(join(repoRoot, 'docs/formats.md'), 'utf8').matchAll(SAMPLE)].map((match) => [
  match[1] ?? '',
  match[2] ?? '',
  match[3] ?? '',
]);

/** The fence's language the script gives each format. */
function language(args: string): string {
  const format = /--format (\w+)/.exec(args)?.[1] ?? 'table';
  return { json: 'json', sarif: 'json', junit: 'xml', html: 'html', markdown: 'markdown' }[format] ?? 'text';
}

describe('docs/formats.md', () => {
  it('has a sample of every kind it describes', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(samples)(
    'shows what `pgcheck %s` prints today (npm run docs:formats to refresh)',
    async (args, fence, shown) => {
      expect(fence).toBe(language(args));
      expect(withoutCheckout(await runCli(args.split(' '))).stdout).toBe(shown);
    },
  );
});
