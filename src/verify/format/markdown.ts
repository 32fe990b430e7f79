import { statusLabel } from '../../format/symbols.js';
import type { VerifiedCandidate } from '../report.js';
import { summaryText, type VerifyFormatter } from './format.js';

export const verifyMarkdown: VerifyFormatter = {
  name: 'markdown',
  description: 'a Markdown section per candidate, for issues, pull requests and wikis',
  render: (report) => {
    const sections = report.candidates.map(candidateSection);
    const errors = report.errors.map(
      (problem) => `- ${cell(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`)}`,
    );
    if (errors.length > 0) sections.push(`## Files not verified\n\n${errors.join('\n')}`);
    sections.push(summaryText(report));
    return `${sections.join('\n\n')}\n`;
  },
};

function candidateSection(candidate: VerifiedCandidate): string {
  const heading = `## ${cell(candidate.name)} (\`${candidate.file.replace(/`/g, "'")}\`)`;
  if (candidate.checks.length === 0) return `${heading}\n\nNothing to verify online.`;
  const rows = candidate.checks.map(
    (check) => `| ${check.check} | ${cell(check.target)} | ${statusLabel[check.outcome]} | ${cell(check.detail)} |`,
  );
  return [heading, '', '| check | target | outcome | detail |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Text safe in a table cell: one line, Markdown and HTML syntax escaped, so a manifest cannot inject markup. */
function cell(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/([\\`*_[\]{}()#+!|<>~])/g, '\\$1');
}
