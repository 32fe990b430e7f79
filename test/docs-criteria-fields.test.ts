import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { criteriaSetSchema, criterionSchema } from '../src/schema/criteria.js';
import { repoRoot } from './helpers/cli.js';

const criteriaDoc = readFileSync(join(repoRoot, 'docs/criteria.md'), 'utf8');

async function show(...args: string[]): Promise<string> {
  let out = '';
  const io: Io = { env: {}, stdoutIsTTY: false, stdout: (text) => void (out += text), stderr: () => {} };
  expect(await main(['node', 'pgcheck', 'criteria', 'show', 'photo-management', ...args], io)).toBe(0);
  return out;
}

describe('docs/criteria.md', () => {
  it('shows every field of a criteria file and of a criterion in its "File fields" example', () => {
    const example = criteriaDoc.split('## File fields')[1]?.split('```')[1] ?? '';
    const fields = [...Object.keys(criteriaSetSchema.shape), ...Object.keys(criterionSchema.shape)];
    // An optional field may be shown commented out (`# extends: general`), as the example's set extends none.
    expect(fields.filter((field) => !new RegExp(`^\\s*(# )?(- )?${field}:`, 'm').test(example))).toEqual([]);
  });

  it('explains evidence: required and max_age in their own section', () => {
    const section =
      criteriaDoc.split('## Evidence and staleness: `evidence` and `max_age`')[1]?.split('\n## ')[0] ?? '';
    expect(section).toContain('`evidence: required`');
    expect(section).toContain('`max_age`');
    expect(section).toContain('stale');
  });
});

describe('criteria show', () => {
  it('prints the max age of the set and which criteria require evidence', async () => {
    const lines = (await show()).split('\n');
    expect(lines).toContain('max age:    12 months: older evidence makes a result stale');
    expect(
      lines.filter((line) => line === '  evidence:   required: each claim the check relies on needs a source'),
    ).toHaveLength(7);
  });

  it('gives both in JSON', async () => {
    const details = JSON.parse(await show('--format', 'json')) as {
      max_age?: string;
      criteria: { evidence?: string }[];
    };
    expect(details.max_age).toBe('12 months');
    expect(details.criteria.map((criterion) => criterion.evidence)).toEqual(Array(7).fill('required'));
  });
});
