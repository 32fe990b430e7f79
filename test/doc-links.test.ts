import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

/** Every relative link in the README and docs/ names a file or folder of the repository. */
function markdownFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const files = [
  join(repoRoot, 'README.md'),
  join(repoRoot, 'bench/README.md'),
  ...markdownFiles(join(repoRoot, 'docs')),
];

describe('relative links in the docs', () => {
  it.each(files.map((file) => relative(repoRoot, file)))('%s', (name) => {
    const file = join(repoRoot, name);
    // Fenced code is not markdown: skip it (a fence of four backticks may hold one of three).
    const text = readFileSync(file, 'utf8').replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => target.replace(/#.*$/, ''))
      .filter((target) => !existsSync(join(dirname(file), decodeURI(target))));
    expect(broken).toEqual([]);
  });
});
