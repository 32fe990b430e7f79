import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

const bin = fileURLToPath(new URL('../bin/pgcheck.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pgcheck-epipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a reader of stdout that goes away (pgcheck evaluate ... | head)', () => {
  it('ends the run quietly with its own exit code, not as an internal error', async () => {
    // Far more output than a pipe holds, so the writes after the reader left really fail with EPIPE.
    for (let i = 0; i < 300; i++)
      copyFileSync(
        join(repoRoot, 'candidates/photo-management/ente.yaml'),
        join(dir, `ente-${String(i).padStart(3, '0')}.yaml`),
      );
    const child = spawn(process.execPath, [bin, 'evaluate', dir, '--as-of', '2026-08-01'], {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
