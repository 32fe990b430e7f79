import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { withoutCheckout as placeholders } from '../../scripts/checkout-placeholders.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pgcheck.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a run sees: this process's, without colour or a GitHub token unless asked, plus
 * `env`. The bin gets it as its process environment; an in-process run gets it through its Io, so
 * tests running in parallel never change process.env.
 */
function runEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_TOKEN']) delete inherited[name];
  return { ...inherited, FORCE_COLOR: '0', ...env };
}

/**
 * Runs the CLI in this process through `main(argv, io)`, as the bin would from the repository root
 * with stdout and stderr piped: output captured, not a terminal, no width. Rejects if the run has not
 * finished within `timeout` ms.
 *
 * What an in-process run does not exercise, and the real bin (runBin) does: the bundle (its yaml
 * debug switches, zod locales, string-width shortcut), worker threads for batches, the crash handlers
 * for errors thrown outside main, and what happens to the process's own streams (EPIPE).
 */
export async function runCli(args: string[], env: Record<string, string> = {}, timeout = 15_000): Promise<CliRun> {
  // Relative paths in args, and paths the CLI prints relative to the working directory, assume the
  // repository root (vitest runs from it; the bin is spawned there).
  if (resolve(process.cwd()) !== resolve(repoRoot))
    throw new Error(`runCli: tests must run from ${repoRoot}, not ${process.cwd()}`);
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: runEnvironment(env),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`runCli: pgcheck ${args.join(' ')} did not finish within ${timeout} ms`)),
      timeout,
    );
  });
  try {
    const code = await Promise.race([main(['node', 'pgcheck', ...args], io), timedOut]);
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the real bin as a subprocess from the repository root, without colour unless asked. */
export function runBin(args: string[], env: Record<string, string> = {}, timeout = 15_000): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: runEnvironment(env),
    timeout,
    // Batch runs print megabytes; past spawnSync's 1 MiB default the child would be killed.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runBin without blocking this process, so servers the test runs in-process can answer.
 * `extraNodeArgs` go before the bin (e.g. --import for a loader hook).
 */
export function runBinAsync(
  args: string[],
  env: Record<string, string> = {},
  extraNodeArgs: string[] = [],
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...extraNodeArgs, bin, ...args], {
      cwd: repoRoot,
      env: runEnvironment(env),
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

/** One text pinning all three outputs of a run, for golden files. */
export function transcript(run: CliRun): string {
  return `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

/** Evaluation depends on the day (stale evidence, expired waivers): golden runs are pinned to one. */
export const AS_OF = ['--as-of', '2026-08-01'];

function pinned(args: string[]): string[] {
  return args[0] === 'evaluate' || args[0] === 'compare' ? [...args, ...AS_OF] : args;
}

/** runCli with evaluate and compare pinned to AS_OF, so outputs do not change with the calendar. */
export function runPinned(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(pinned(args), env);
}

/** runBin with evaluate and compare pinned to AS_OF. */
export function runBinPinned(args: string[], env: Record<string, string> = {}): CliRun {
  return runBin(pinned(args), env);
}

/** A run whose SARIF names its checkout (repository, commit, branch, folder) with placeholders instead, for golden files. */
export function withoutCheckout(run: CliRun): CliRun {
  return { ...run, stdout: placeholders(run.stdout) };
}
