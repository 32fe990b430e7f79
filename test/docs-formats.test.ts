import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

describe('docs/formats.md', () => {
  it('shows samples that are what pgcheck prints today', () => {
    const run = spawnSync(process.execPath, ['scripts/format-samples.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8', timeout: 170_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);
});
