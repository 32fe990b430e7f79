import Table from 'cli-table3';

// cli-table3 builds a cell object with some sixty options per cell and measures every string with
// two large regular expressions: for a batch of thousands of candidates that cost more than the
// evaluation itself (see bench/README.md). Tables that need no wrapping and whose text is plain
// ASCII (or the status symbols) are drawn here instead, character for character as cli-table3
// draws them with the style below; anything else still goes through cli-table3.

const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
/** Characters one column wide for certain: printable ASCII and the status symbols (symbols.ts). */
const ONE_COLUMN_EACH = /^[\x20-\x7e✓✗–]*$/;

export interface GridOptions {
  colWidths?: (number | null)[];
  wordWrap?: boolean;
}

/** A bordered table as cli-table3 draws it with `style: {head: [], border: [], compact: true}`. */
export function grid(head: readonly string[], rows: readonly (readonly string[])[], options: GridOptions = {}): string {
  const widths = options.colWidths ? undefined : plainWidths([head, ...rows]);
  if (!widths) return cliTable3(head, rows, options);
  const line = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const row = (cells: readonly string[]) =>
    `│${cells.map((cell, index) => ` ${cell}${' '.repeat((widths[index] as number) - visibleLength(cell))} `).join('│')}│`;
  const body = rows.length > 0 ? [line('├', '┼', '┤'), ...rows.map(row)] : [];
  return [line('┌', '┬', '┐'), row(head), ...body, line('└', '┴', '┘')].join('\n');
}

/** Column widths, or undefined when a cell holds text whose width only cli-table3 should judge. */
function plainWidths(rows: readonly (readonly string[])[]): number[] | undefined {
  const widths: number[] = [];
  for (const cells of rows) {
    for (const [index, cell] of cells.entries()) {
      const plain = withoutColor(cell);
      if (!ONE_COLUMN_EACH.test(plain)) return undefined;
      widths[index] = Math.max(widths[index] ?? 0, plain.length);
    }
  }
  return widths;
}

function visibleLength(cell: string): number {
  return withoutColor(cell).length;
}

/** The text of a cell without its colour codes. */
export function withoutColor(cell: string): string {
  return cell.includes('\u001b') ? cell.replace(SGR, '') : cell;
}

function cliTable3(head: readonly string[], rows: readonly (readonly string[])[], options: GridOptions): string {
  const table = new Table({
    head: [...head],
    // cli-table3 colours borders and heads itself, ignoring NO_COLOR: leave colour to us.
    style: { head: [], border: [], compact: true },
    ...options,
  });
  for (const cells of rows) table.push([...cells]);
  return table.toString();
}
