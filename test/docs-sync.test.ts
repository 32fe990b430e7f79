import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';

const doc = (name: string) => readFileSync(join(repoRoot, 'docs', name), 'utf8');

/** Each `$ pgcheck ...` console block of a page: the command and the output shown under it. */
function consoleExamples(text: string): { args: string[]; output: string }[] {
  return [...text.matchAll(/```console\n\$ pgcheck (.*)\n([\s\S]*?)```/g)].map((match) => ({
    args: (match[1] ?? '').split(' '),
    output: match[2] ?? '',
  }));
}

describe('docs/sync.md', () => {
  it('the worked example: every command prints what the page shows', async () => {
    const examples = consoleExamples(doc('sync.md'));
    expect(examples.map((example) => example.args.slice(0, 2).join(' '))).toEqual([
      'criteria import',
      'criteria drift',
      'diff test/fixtures/sync/reports/before.json',
    ]);
    for (const { args, output } of examples) expect((await runCli(args)).stdout, args.join(' ')).toBe(output);
  });

  it.each([['criteria', 'import'], ['criteria', 'drift'], ['diff']])(
    'documents every option of %s %s in cli.md and sync.md',
    async (...command) => {
      const help = (await runCli([...command.filter(Boolean), '--help'])).stdout;
      const options = [
        ...new Set([...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((match) => match[1] ?? '')),
      ].filter((option) => option !== '--help');
      expect(options.length).toBeGreaterThan(0);
      const text = ['cli.md', 'sync.md', 'limits.md'].map(doc).join('\n');
      expect(options.filter((option) => !new RegExp(`${option}(?![a-z-])`).test(text))).toEqual([]);
    },
  );
});
