import type { CandidateReport } from '../report/report.js';
import type { Formatter, FormatOptions } from './format.js';
import { grid, withoutColor } from './grid.js';
import { resultDetail } from './notes.js';
import { summaryLine } from './summary-line.js';
import { paintStatus, paintVerdict, painter } from './symbols.js';
import { tableCompare } from './table-compare.js';
import { terminalText } from './terminal-text.js';
import { wrapText } from './wrap.js';

export const table: Formatter = {
  name: 'table',
  description: 'one table per candidate and a summary line, for people at a terminal (default)',
  render: (report, options) => {
    const blocks = report.candidates.map((candidate) => candidateTable(candidate, options));
    blocks.push(summaryText(report.summary, options.width));
    return `${blocks.join('\n\n')}\n`;
  },
  renderCompare: tableCompare,
  stream: {
    candidate: (candidate, options) => `${candidateTable(candidate, options)}\n\n`,
    end: (report, options) => `${summaryText(report.summary, options.width)}\n`,
  },
};

function candidateTable(candidate: CandidateReport, options: FormatOptions): string {
  const chalk = painter(options.color);
  const best =
    candidate.best_case.total > 0 ? `, best case ${candidate.best_case.passed}/${candidate.best_case.total}` : '';
  const who = `${terminalText(candidate.name)} (${terminalText(candidate.file)}):`;
  const what = `against ${terminalText(candidate.criteria)}${best}`;
  // On a terminal too narrow for the heading, the verdict goes on a line of its own.
  const apart = options.width !== undefined && [...`${who} ${candidate.verdict} ${what}`].length > options.width;
  const heading = `${chalk.bold(terminalText(candidate.name))} (${terminalText(candidate.file)}):${apart ? '\n' : ' '}${paintVerdict(chalk, candidate.verdict)} ${what}`;
  const titles = ['criterion', 'level', 'status', 'reason', 'line'];
  // On a terminal `(stale)` goes under the status, leaving the reason more room.
  const staleMark = options.width ? '\n(stale)' : ' (stale)';
  const rows = candidate.results.map((result) => [
    terminalText(result.criterion),
    result.level,
    `${paintStatus(chalk, result.status)}${result.stale ? staleMark : ''}`,
    terminalText(resultDetail(result)),
    `${result.line}:${result.column}`,
  ]);
  const head = titles.map((title) => chalk.bold(title));
  if (!options.width) return `${heading}\n${grid(head, rows, { wordWrap: true })}`;
  const widths = columnWidths(options.width, [titles, ...rows.map((cells) => cells.map(withoutColor))]);
  const wrapped = rows.map((cells) =>
    cells.map((cell, index) =>
      index === REASON || index === CRITERION ? wrapText(cell, widths[index] - 2).join('\n') : cell,
    ),
  );
  return `${heading}\n${grid(head, wrapped, { wordWrap: true, colWidths: widths })}`;
}

const CRITERION = 0;
const REASON = 3;
/** The least room (padding included) the reason gets before a long criterion id is wrapped to make room. */
const REASON_AT_LEAST = 24;
/** The least room a wrapped criterion id keeps. */
const CRITERION_AT_LEAST = 14;

/**
 * Widths (padding included) that fit `width` columns: every column but the reason as wide as its
 * widest line, the reason the rest (borders take one column each, six in all). When long criterion
 * ids leave the reason less than REASON_AT_LEAST, the criterion column gives up the difference and
 * its ids wrap (after a hyphen where they can).
 */
function columnWidths(width: number, rows: readonly (readonly string[])[]): [number, number, number, number, number] {
  const widest = (index: number) =>
    Math.max(...rows.flatMap((cells) => (cells[index] ?? '').split('\n').map((line) => [...line].length))) + 2;
  const [level, status, line] = [widest(1), widest(2), widest(4)];
  const rest = width - level - status - line - 6;
  const criterion = Math.min(widest(0), Math.max(CRITERION_AT_LEAST, rest - REASON_AT_LEAST));
  const reason = Math.max(12, rest - criterion);
  return [criterion, level, status, reason, line];
}

/** The summary line, wrapped at spaces on a terminal. */
function summaryText(summary: Parameters<typeof summaryLine>[0], width: number | undefined): string {
  return width === undefined ? summaryLine(summary) : wrapText(summaryLine(summary), width).join('\n');
}
