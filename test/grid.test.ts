import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grid } from '../src/format/grid.js';

/** The oracle: cli-table3 itself, configured as the table formatter configured it. */
function cliTable3(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true }, wordWrap: true });
  for (const row of rows) table.push(row);
  return table.toString();
}

const plainText = fc.string({
  unit: fc.constantFrom(...' abcxyz019.:;,()[]{}|-_/\\\'"`~!?#*@%^&+=<>✓✗–'),
  maxLength: 30,
});
const paintedText = fc
  .tuple(plainText, fc.constantFrom('1', '22', '31', '32', '33', '2', '39', '1;31'))
  .map(([text, code]) => `\u001b[${code}m${text}\u001b[0m`);
const cellText = fc.oneof(plainText, paintedText);

describe('grid', () => {
  it('draws tables exactly as cli-table3 does (plain ASCII, status symbols, colour codes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.nat({ max: 8 }),
        fc.infiniteStream(cellText),
        (columns, rowCount, cells) => {
          const take = () => Array.from({ length: columns }, () => cells.next().value as string);
          const head = take();
          const rows = Array.from({ length: rowCount }, take);
          expect(grid(head, rows, { wordWrap: true })).toBe(cliTable3(head, rows));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves text it cannot measure for certain (wide, emoji, combining) to cli-table3', () => {
    const head = ['name', 'note'];
    const rows = [
      ['写真', 'wide'],
      ['photo 📷', 'emoji'],
      ['cafe\u0301', 'combining'],
    ];
    expect(grid(head, rows, { wordWrap: true })).toBe(cliTable3(head, rows));
  });

  it('wraps to fixed column widths through cli-table3', () => {
    const table = new Table({
      head: ['a', 'b'],
      style: { head: [], border: [], compact: true },
      wordWrap: true,
      colWidths: [5, 8],
    });
    table.push(['one two three', 'four five six seven']);
    expect(grid(['a', 'b'], [['one two three', 'four five six seven']], { wordWrap: true, colWidths: [5, 8] })).toBe(
      table.toString(),
    );
  });
});
