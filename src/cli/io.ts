import { formatProblem, type Problem } from '../load/problem.js';
import { terminalText } from '../format/terminal-text.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Progress indicators go to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  columns?: number;
}

let stdoutClosed = false;
// A reader that stops early (`pgcheck evaluate dir | head`) is not a failure of the run: stop writing
// and keep the run's own exit code. Any other write error is a real one and goes to the crash handler.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

export const processIo: Io = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stdout.columns,
};

export function printProblems(io: Io, problems: readonly Problem[], label = ''): void {
  for (const problem of problems)
    io.stderr(`${terminalText(formatProblem({ ...problem, message: label + problem.message }))}\n`);
}
