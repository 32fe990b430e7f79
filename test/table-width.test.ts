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

/** A reason's wrapped lines joined: a word too long for the column is broken after a dot, slash or hyphen, with no space between the parts. */
function joinWrapped(before: string, line: string): string {
  return /[./-]$/.test(before) ? `${before}${line}` : `${before} ${line}`.trim();
}

/**
 * The criterion and reason columns of each result row, wrapped lines joined (a continuation line has
 * an empty level cell). A criterion id has no spaces, so its pieces join as they are.
 */
function resultCells(table: string): { criterion: string; reason: string }[] {
  const rows: { criterion: string; reason: string }[] = [];
  for (const line of table.split('\n')) {
    if (!line.startsWith('│')) continue;
    const [, criterion = '', level = '', , reason = ''] = line.split('│').map((cell) => cell.trim());
    if (criterion === 'criterion') continue;
    const last = rows.at(-1);
    if (level !== '' || !last) rows.push({ criterion, reason });
    else {
      last.criterion = `${last.criterion}${criterion}`;
      last.reason = joinWrapped(last.reason, reason);
    }
  }
  return rows;
}

const reasonCells = (table: string) => resultCells(table).map((row) => row.reason);

describe('the evaluate table on a terminal (issue 14, item 4)', () => {
  it('wraps a long criterion id rather than squeeze the reason to a sliver', async () => {
    // vpn has ids of 33 characters (no-more-anonymous-than-tor-claims).
    const { out } = await run(['evaluate', 'candidates/vpn/ivpn.yaml'], { columns: 80 });
    const header = out.split('\n').find((line) => line.startsWith('│ criterion')) ?? '';
    const headings = header.split('│').slice(1, -1);
    expect(headings[3]?.length, 'the reason column').toBeGreaterThanOrEqual(24);
    expect(out).toContain('│ no-more-anonymous- │');
    // Every wrapped id reads whole again, and every reason is the one the JSON report gives, no text lost.
    const json = JSON.parse((await run(['evaluate', 'candidates/vpn/ivpn.yaml', '--format', 'json'], false)).out);
    const rows = resultCells(out);
    expect(rows.map((row) => row.criterion)).toEqual(
      json.candidates[0].results.map((result: { criterion: string }) => result.criterion),
    );
    // Long fact names break where the column ends, so compare the reasons' text without white space.
    const bare = (text: string) => text.replace(/\s+/g, '');
    expect(rows.map((row) => bare(row.reason))).toEqual((await reasons('candidates/vpn/ivpn.yaml')).map(bare));
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
