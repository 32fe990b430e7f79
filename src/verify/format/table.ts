import Table from 'cli-table3';
import type { FormatOptions } from '../../format/format.js';
import { paintStatus, painter } from '../../format/symbols.js';
import { terminalText } from '../../format/terminal-text.js';
import type { VerifiedCandidate } from '../report.js';
import { summaryText, type VerifyFormatter } from './format.js';

export const verifyTable: VerifyFormatter = {
  name: 'table',
  description:
    'one table per candidate (check, target, outcome, detail, line) and a summary line, for people at a terminal (default)',
  render: (report, options) => {
    const blocks = report.candidates.map((candidate) => candidateTable(candidate, options));
    blocks.push(summaryText(report));
    return `${blocks.join('\n\n')}\n`;
  },
};

function candidateTable(candidate: VerifiedCandidate, options: FormatOptions): string {
  const chalk = painter(options.color);
  const heading = `${chalk.bold(terminalText(candidate.name))} (${terminalText(candidate.file)})`;
  if (candidate.checks.length === 0) return `${heading}\nnothing to verify online`;
  const grid = new Table({
    head: ['check', 'target', 'outcome', 'detail', 'line'].map((title) => chalk.bold(title)),
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    wrapOnWordBoundary: false,
    ...(options.width ? { colWidths: columnWidths(options.width) } : {}),
  });
  for (const check of candidate.checks) {
    grid.push([
      check.check,
      terminalText(check.target),
      paintStatus(chalk, check.outcome),
      terminalText(check.detail),
      `${check.line}:${check.column}`,
    ]);
  }
  return `${heading}\n${grid.toString()}`;
}

function columnWidths(width: number): number[] {
  const check = 12;
  const outcome = 11;
  const line = 9;
  const rest = Math.max(40, width - check - outcome - line - 6);
  const target = Math.floor(rest * 0.45);
  return [check, target, outcome, rest - target, line];
}
