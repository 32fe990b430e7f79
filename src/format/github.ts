import type { Problem } from '../load/problem.js';
import type { CandidateReport, ResultReport } from '../report/report.js';
import { githubMessage, githubProperty, plainText } from './escape.js';
import type { Formatter } from './format.js';
import { resultDetail } from './notes.js';
import { summaryLine } from './summary-line.js';

export type Command = 'error' | 'warning' | 'notice';

/**
 * GitHub Actions workflow commands, shown as annotations on the manifest's line: `::error` for a
 * minimum criterion that fails and for invalid files, `::warning` for unknown, a failing best-case
 * criterion and report warnings, `::notice` for waived results and stale evidence. Passes and
 * not-applicable results print nothing; a summary line ends the output.
 */
export const github: Formatter = {
  name: 'github',
  description: 'GitHub Actions annotations (::error file=...,line=...::), for workflow logs and pull requests',
  render: (report) => {
    const lines = [
      ...report.candidates.flatMap((candidate) =>
        candidate.results.flatMap((result) => resultCommand(candidate, result)),
      ),
      ...report.errors.map((problem) => problemCommand('error', 'pgcheck: invalid input', problem)),
      ...report.warnings.map((problem) => problemCommand('warning', 'pgcheck: warning', problem)),
      summaryLine(report.summary),
    ];
    return `${lines.join('\n')}\n`;
  },
};

function resultCommand(candidate: CandidateReport, result: ResultReport): string[] {
  const command = commandOf(result);
  if (!command) return [];
  const title = `pgcheck: ${result.criterion} (${result.level}) ${result.status}`;
  const message = `${candidate.name}: ${resultDetail(result)}`;
  return [workflowCommand(command, { file: candidate.file, line: result.line, col: result.column, title }, message)];
}

function commandOf(result: ResultReport): Command | undefined {
  if (result.status === 'fail') return result.level === 'minimum' ? 'error' : 'warning';
  if (result.status === 'unknown') return 'warning';
  if (result.status === 'waived' || result.stale) return 'notice';
  return undefined;
}

function problemCommand(command: Command, title: string, problem: Problem): string {
  return workflowCommand(
    command,
    { file: problem.file, line: problem.line, col: problem.column, title },
    problem.message,
  );
}

/** One workflow command, its properties and message escaped as GitHub requires. */
export function workflowCommand(
  command: Command,
  properties: Record<string, string | number>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${githubProperty(plainText(String(value)))}`)
    .join(',');
  return `::${command} ${props}::${githubMessage(plainText(message))}`;
}
