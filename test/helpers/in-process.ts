import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { CliRun } from './cli.js';

/** Runs the CLI in this process (from the repository root, as vitest runs), capturing what it prints. */
export async function runMain(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: {},
    stdoutIsTTY: false,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await main(['node', 'pgcheck', ...args], io);
  return { code, stdout, stderr };
}
