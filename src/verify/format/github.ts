import { workflowCommand } from '../../format/github.js';
import type { VerifyFormatter } from './format.js';
import { summaryText } from './format.js';

/**
 * GitHub Actions workflow commands: `::error` on the manifest's line for a check that fails and for
 * invalid files, `::warning` for one that cannot be judged; passes print nothing; a summary line ends it.
 */
export const verifyGithub: VerifyFormatter = {
  name: 'github',
  description: 'GitHub Actions annotations (::error file=...,line=...::), for workflow logs and pull requests',
  render: (report) => {
    const lines = [
      ...report.candidates.flatMap((candidate) =>
        candidate.checks.flatMap((check) => {
          if (check.outcome === 'pass') return [];
          const title = `pgcheck verify: ${check.check} ${check.outcome}`;
          const where = { file: candidate.file, line: check.line, col: check.column, title };
          return [
            workflowCommand(
              check.outcome === 'fail' ? 'error' : 'warning',
              where,
              `${candidate.name}: ${check.target}: ${check.detail}`,
            ),
          ];
        }),
      ),
      ...report.errors.map((problem) =>
        workflowCommand(
          'error',
          { file: problem.file, line: problem.line, col: problem.column, title: 'pgcheck: invalid input' },
          problem.message,
        ),
      ),
      summaryText(report),
    ];
    return `${lines.join('\n')}\n`;
  },
};
