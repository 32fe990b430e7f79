import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

describe('the installed dependency tree', () => {
  // An unmet peer range (esbuild ^0.25 under vite 8's ^0.27 || ^0.28) is what makes `npm install` print
  // ERESOLVE warnings on a fresh clone; `npm ls` reports the same mismatch as "invalid", offline.
  it('satisfies every peer and dependency range, so npm install has nothing to warn about', () => {
    const run = spawnSync('npm', ['ls', '--all'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, npm_config_offline: 'true' },
    });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\binvalid\b|ERESOLVE|UNMET (PEER )?DEPENDENCY/);
    expect(run.status).toBe(0);
  });
});
