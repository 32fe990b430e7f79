import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { wrapText } from '../src/format/wrap.js';

async function run(args: string[], tty: { columns?: number } | false) {
  const io = {
    out: '',
    err: '',
    env: {},
    stdoutIsTTY: tty !== false,
    // biome-ignore lint/complexity/useOptionalChain: `tty` may be false, which has no `columns`
    ...(tty && tty.columns ? { columns: tty.columns } : {}),
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  const code = await main(['node', 'pgcheck', ...args, '--as-of', '2026-08-01', '--no-color'], io as Io);
  return { code, ...io };
}

const reasons = async (file: string) =>
  (
    JSON.parse((await run(['evaluate', file, '--format', 'json'], false)).out).candidates as {
      results: { reason: string; stale?: { reason: string } }[];
    }[]
  ).flatMap((candidate) =>
    candidate.results.map((result) =>
      [result.reason, ...(result.stale ? [`stale evidence: ${result.stale.reason}`] : [])].join('; '),
    ),
  );

/** The reason column of each result row, its wrapped lines joined with spaces (a continuation line has an empty criterion cell). */
function reasonCells(table: string): string[] {
  const cells: string[] = [];
  for (const line of table.split('\n')) {
    if (!line.startsWith('│')) continue;
    const [, criterion = '', , , reason = ''] = line.split('│').map((cell) => cell.trim());
    if (criterion === 'criterion') continue;
    if (criterion !== '') cells.push(reason);
    // A word too long for the column is broken after a dot, slash or hyphen, with no space between the parts.
    else
      cells[cells.length - 1] = /[./-]$/.test(cells.at(-1) ?? '')
        ? `${cells.at(-1)}${reason}`
        : `${cells.at(-1)} ${reason}`.trim();
  }
  return cells;
}

describe('the evaluate table on a terminal (issue 14, item 4)', () => {
  it('wraps a long criterion id rather than squeeze the reason to a sliver', async () => {
    // vpn has ids of 33 characters (no-more-anonymous-than-tor-claims).
    const { out } = await run(['evaluate', 'candidates/vpn/ivpn.yaml'], { columns: 80 });
    const header = out.split('\n').find((line) => line.startsWith('│ criterion')) ?? '';
    const cells = header.split('│').slice(1, -1);
    expect(cells[3]?.length, 'the reason column').toBeGreaterThanOrEqual(24);
    expect(out).toContain('│ no-more-anonymous- │');
    expect(Math.max(...out.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(80);
  });

  it.each([80, 100, 120])('fits %i columns', async (columns) => {
    const { out } = await run(['evaluate', 'candidates'], { columns });
    const widths = out
      .split('\n')
      .filter((line) => /^[┌│├└]/.test(line))
      .map((line) => [...line].length);
    expect(widths.length).toBeGreaterThan(20);
    expect(Math.max(...widths)).toBeLessThanOrEqual(columns);
    // The headings and the summary line too.
    expect(Math.max(...out.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(columns);
  });
  it('wraps reasons at word boundaries only', async () => {
    const { out } = await run(['evaluate', 'candidates/photo-management/photoprism.yaml'], { columns: 80 });
    expect(reasonCells(out)).toEqual(await reasons('candidates/photo-management/photoprism.yaml'));
  });
  it('keeps its layout when piped', async () => {
    const piped = await run(['evaluate', 'candidates/photo-management/photoprism.yaml'], false);
    expect(piped.out.split('\n').filter((line) => line.startsWith('│')).length).toBe(8);
  });
});

describe('wrapText', () => {
  it('breaks at spaces', () => {
    expect(wrapText('audits is not given', 10)).toEqual(['audits is', 'not given']);
  });
  it('breaks a word longer than a line after a dot, never inside a name', () => {
    expect(wrapText('web_interface.file_management is not given', 20)).toEqual([
      'web_interface.',
      'file_management is',
      'not given',
    ]);
  });
  it('cuts only a part still longer than a line', () => {
    expect(wrapText('abcdefghijkl.x', 5)).toEqual(['abcde', 'fghij', 'kl.x']);
  });
  it('keeps text that fits on one line', () => {
    expect(wrapText('short', 20)).toEqual(['short']);
  });
});
