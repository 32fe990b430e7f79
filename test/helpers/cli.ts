import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pgcheck.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin as a subprocess from the repository root, without colour unless asked. */
export function runCli(args: string[], env: Record<string, string> = {}, timeout = 15_000): CliRun {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...inherited, FORCE_COLOR: '0', ...env },
    timeout,
    // Batch runs print megabytes; past spawnSync's 1 MiB default the child would be killed.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One text pinning all three outputs of a run, for golden files. */
export function transcript(run: CliRun): string {
  return `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

/** Evaluation depends on the day (stale evidence, expired waivers): golden runs are pinned to one. */
export const AS_OF = ['--as-of', '2026-08-01'];

/** runCli with evaluate and compare pinned to AS_OF, so outputs do not change with the calendar. */
export function runPinned(args: string[], env: Record<string, string> = {}): CliRun {
  return runCli(args[0] === 'evaluate' || args[0] === 'compare' ? [...args, ...AS_OF] : args, env);
}
