import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './cli.js';

const templates = fileURLToPath(new URL('../fixtures/verify/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pgcheck.js', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Writes every test/fixtures/verify/*.yaml.tmpl into a new temp dir as *.yaml, with {{MAIN}}, {{OTHER}}
 * and {{PORT}} replaced by the test servers' origins and the main port. Returns the dir.
 */
export async function writeVerifyFixtures(values: { main: string; other: string; port: number }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pgcheck-verify-'));
  for (const name of await readdir(templates)) {
    if (!name.endsWith('.yaml.tmpl')) continue;
    const text = (await readFile(join(templates, name), 'utf8'))
      .replaceAll('{{MAIN}}', values.main)
      .replaceAll('{{OTHER}}', values.other)
      .replaceAll('{{PORT}}', String(values.port));
    await writeFile(join(dir, name.replace(/\.tmpl$/, '')), text);
  }
  return dir;
}

/**
 * Runs the real bin without blocking this process, so servers the test runs in-process can answer.
 * `extraNodeArgs` go before the bin (e.g. --import for a loader hook).
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}, extraNodeArgs: string[] = []): Promise<CliRun> {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, GITHUB_TOKEN: _token, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...extraNodeArgs, bin, ...args], {
      cwd: repoRoot,
      env: { ...inherited, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
