import type { CandidateReport } from '../report/report.js';
import type { Formatter, FormatOptions } from './format.js';
import { grid } from './grid.js';
import { resultDetail } from './notes.js';
import { summaryLine } from './summary-line.js';
import { paintStatus, paintVerdict, painter } from './symbols.js';
import { tableCompare } from './table-compare.js';
import { terminalText } from './terminal-text.js';

export const table: Formatter = {
  name: 'table',
  description: 'one table per candidate and a summary line, for people at a terminal (default)',
  render: (report, options) => {
    const blocks = report.candidates.map((candidate) => candidateTable(candidate, options));
    blocks.push(summaryLine(report.summary));
    return `${blocks.join('\n\n')}\n`;
  },
  renderCompare: tableCompare,
  stream: {
    candidate: (candidate, options) => `${candidateTable(candidate, options)}\n\n`,
    end: (report) => `${summaryLine(report.summary)}\n`,
  },
};

function candidateTable(candidate: CandidateReport, options: FormatOptions): string {
  const chalk = painter(options.color);
  const best = candidate.best_case.total > 0 ? `, best case ${candidate.best_case.passed}/${candidate.best_case.total}` : '';
  const heading = `${chalk.bold(terminalText(candidate.name))} (${terminalText(candidate.file)}): ${paintVerdict(chalk, candidate.verdict)} against ${terminalText(candidate.criteria)}${best}`;
  const head = ['criterion', 'level', 'status', 'reason', 'line'].map((title) => chalk.bold(title));
  const rows = candidate.results.map((result) => [
    terminalText(result.criterion),
    result.level,
    `${paintStatus(chalk, result.status)}${result.stale ? ' (stale)' : ''}`,
    terminalText(resultDetail(result)),
    `${result.line}:${result.column}`,
  ]);
  return `${heading}\n${grid(head, rows, { wordWrap: true, ...(options.width ? { colWidths: columnWidths(options.width) } : {}) })}`;
}

function columnWidths(width: number): (number | null)[] {
  const fixed = [17, 11, 13, 9];
  const reason = Math.max(30, width - fixed.reduce((sum, w) => sum + w, 0) - 2);
  return [fixed[0] ?? null, fixed[1] ?? null, fixed[2] ?? null, reason, fixed[3] ?? null];
}
