import Table from 'cli-table3';
import { buildMatrices, columnLabels, type Matrix } from '../report/matrix.js';
import type { Report } from '../report/report.js';
import type { FormatOptions } from './format.js';
import { matrixNotes } from './notes.js';
import { NO_RESULT, paintStatus, paintVerdict, painter } from './symbols.js';
import { summaryLine } from './summary-line.js';
import { terminalText } from './terminal-text.js';

/** The compare matrix for a terminal: one table per criteria set, then the summary line. */
export function tableCompare(report: Report, options: FormatOptions): string {
  const blocks = buildMatrices(report, { quiet: options.quiet, staleFails: options.staleFails }).map((matrix) =>
    matrixTable(matrix, options),
  );
  blocks.push(summaryLine(report.summary));
  return `${blocks.join('\n\n')}\n`;
}

function matrixTable(matrix: Matrix, options: FormatOptions): string {
  const chalk = painter(options.color);
  const { title, id, revision } = matrix.criteria;
  const heading = `${chalk.bold(terminalText(title))} (${terminalText(id)}, revision ${revision})`;
  const grid = new Table({
    // A shared name gets its file on a second line; each line is painted on its own so a wrapped cell stays bold.
    head: [
      'criterion',
      'level',
      ...columnLabels(matrix).map(({ name, file }) =>
        file === undefined ? terminalText(name) : `${terminalText(name)}\n${terminalText(file)}`,
      ),
    ].map((title) =>
      title
        .split('\n')
        .map((line) => chalk.bold(line))
        .join('\n'),
    ),
    // cli-table3 colours borders and heads itself, ignoring NO_COLOR: leave colour to us.
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    ...(options.width ? { colWidths: columnWidths(options.width, matrix.candidates.length) } : {}),
  });
  for (const row of matrix.rows) {
    const cells = row.cells.map((cell) =>
      cell ? `${paintStatus(chalk, cell.status)}${cell.stale ? ' (stale)' : ''}` : NO_RESULT,
    );
    grid.push([terminalText(row.criterion), row.level, ...cells]);
  }
  grid.push([
    chalk.bold('verdict'),
    '',
    ...matrix.candidates.map((candidate) => paintVerdict(chalk, candidate.verdict)),
  ]);
  grid.push([
    chalk.bold('best case'),
    '',
    ...matrix.candidates.map(({ best_case }) => `${best_case.passed}/${best_case.total}`),
  ]);
  const notes = matrixNotes(matrix).map((note) => `  * ${terminalText(note)}`);
  return [heading, grid.toString(), ...notes].join('\n');
}

/** Criterion and level keep their width; the candidates share the rest of the terminal, wrapping names. */
function columnWidths(width: number, candidates: number): number[] {
  const [criterion, level] = [17, 11];
  const borders = 3 + candidates;
  const candidate = Math.max(16, Math.floor((width - borders - criterion - level) / Math.max(1, candidates)));
  return [criterion, level, ...Array.from({ length: candidates }, () => candidate)];
}
