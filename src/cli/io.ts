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

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stdout.columns,
};

export function printProblems(io: Io, problems: readonly Problem[], label = ''): void {
  for (const problem of problems) io.stderr(`${terminalText(formatProblem({ ...problem, message: label + problem.message }))}\n`);
}
