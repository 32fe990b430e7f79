import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = (heading: string) => readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';

describe('README', () => {
  it('says how to run the bare `pgcheck` of its Usage examples from a clone', () => {
    const usage = section('Usage');
    expect(usage).toMatch(/`npx pgcheck/);
    expect(usage).toMatch(/`npm link`/);
  });

  it('says what exit code an incomplete candidate gives, with and without --fail-on unknown', () => {
    const rows = section('Exit codes')
      .split('\n')
      .filter((line) => line.startsWith('| 0 |') || line.startsWith('| 1 |'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain('incomplete');
  });

  it('says how long npm test takes', () => {
    // A figure, not a placeholder.
    expect(section('Quick start')).toMatch(/`npm test` takes about \d+(\.\d+)? minutes?/);
  });
});
