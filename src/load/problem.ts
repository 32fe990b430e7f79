/** Something wrong with an input file, pinned to where it is. Lines and columns count from 1. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column;
}
