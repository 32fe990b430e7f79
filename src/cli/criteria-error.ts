import { terminalText } from '../format/terminal-text.js';
import { CriteriaError } from '../run/criteria-error.js';
import { type Io, printProblems } from './io.js';

/** Prints a criteria set that could not be loaded (its file's problems, or why the reference names none); rethrows anything else. */
export function printCriteriaError(io: Io, error: unknown): void {
  if (!(error instanceof CriteriaError)) throw error;
  printProblems(io, error.problems);
  if (error.problems.length === 0) io.stderr(`error: ${terminalText(error.message)}\n`);
}
