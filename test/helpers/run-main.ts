import { main } from '../../src/cli/main.js';
import type { CliRun } from './cli.js';

/** Runs the CLI in-process (as `pgcheck ...args`), capturing stdout and stderr; no colour, no terminal. */
export async function runMain(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'pgcheck', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}
