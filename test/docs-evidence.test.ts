import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { repoRoot } from './helpers/cli.js';

const evidenceDoc = readFileSync(join(repoRoot, 'docs/evidence.md'), 'utf8');

describe('docs/evidence.md on where a waiver shows', () => {
  it('describes the table as it is: the waiver follows the reason in the same cell', async () => {
    let out = '';
    const io: Io = { env: {}, stdoutIsTTY: false, stdout: (text) => void (out += text), stderr: () => {} };
    await main(['node', 'pgcheck', 'evaluate', 'test/fixtures/evidence/waived.yaml', '--as-of', '2026-08-01'], io);
    const row = out.split('\n').find((line) => line.includes(' mfa ')) ?? '';
    expect(row).toMatch(/needs true; waived by Review team until 2026-09-30: TOTP ships in the next release/);
    expect(evidenceDoc).toContain('`<reason>; waived by <approved_by> until <expires>: <waiver reason>`');
    expect(evidenceDoc).not.toMatch(/waiver above the reason/);
  });
});
