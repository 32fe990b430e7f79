import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.js';

const doc = (name: string) => readFileSync(join(repoRoot, 'docs', name), 'utf8');

/** The long options a command's --help lists, e.g. `--as-of`. */
async function helpOptions(command: string): Promise<string[]> {
  const help = (await runCli([command, '--help'])).stdout;
  return [...new Set([...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((match) => match[1] ?? ''))].filter(
    (option) => option !== '--help',
  );
}

/** The commands `pgcheck --help` lists. */
async function commands(): Promise<string[]> {
  const help = (await runCli(['--help'])).stdout;
  return [...help.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1] ?? '').filter((name) => name !== 'help');
}

/** Where each command's options are documented (README: "Every command and option is in docs/cli.md"). */
const pagesOf = (command: string) =>
  command === 'verify' ? ['cli.md', 'verify.md', 'limits.md'] : ['cli.md', 'limits.md'];

describe('docs/cli.md', () => {
  it('names every command in its overview', async () => {
    const overview = doc('cli.md').split('\n```\n')[0] ?? '';
    for (const command of await commands()) expect(overview, command).toContain(`pgcheck ${command}`);
  });

  it.each(['evaluate', 'compare', 'validate', 'init', 'verify', 'schema'])(
    'documents every option of %s',
    async (command) => {
      const text = pagesOf(command).map(doc).join('\n');
      const options = await helpOptions(command);
      expect(options.length).toBeGreaterThan(0);
      expect(options.filter((option) => !new RegExp(`${option}(?![a-z-])`).test(text))).toEqual([]);
    },
  );
});
