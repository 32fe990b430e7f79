import { terminalText } from '../format/terminal-text.js';
import type { DriftChange, DriftKind, DriftReport } from './drift.js';

export type DriftFormat = 'table' | 'json';

export const driftFormats: Readonly<Record<DriftFormat, (report: DriftReport) => string>> = {
  table: driftTable,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

/** One row per criterion and per added bullet, with both wordings under any that changed. */
function driftTable(report: DriftReport): string {
  const rows = report.changes.map((change) => [
    change.kind,
    change.criterion ?? '-',
    levelText(change),
    changeText(change),
  ]);
  const header = ['kind', 'criterion', 'level', 'change'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const indent = ' '.repeat(widths[0]! + 2);
  const out = [`${terminalText(report.set)} against ${terminalText(report.upstream)}`, line(header)];
  report.changes.forEach((change, index) => {
    out.push(line(rows[index]!));
    if (change.kind === 'unchanged') return;
    if (change.before !== null && (change.kind !== 'moved' || change.changed.length > 0))
      out.push(`${indent}set:  ${wording(change.before, indent)}`);
    if (change.after !== null && change.kind !== 'removed' && (change.kind !== 'moved' || change.changed.length > 0))
      out.push(`${indent}page: ${wording(change.after, indent)}`);
  });
  out.push(summary(report.changes));
  return `${out.join('\n')}\n`;
}

function levelText(change: DriftChange): string {
  if (change.kind === 'added') return `${change.upstream_level} on the page`;
  if (change.kind === 'moved') return `${change.level} -> ${change.upstream_level}`;
  return change.level ?? '';
}

function changeText(change: DriftChange): string {
  const at = change.line === null ? '' : ` (page line ${change.line})`;
  switch (change.kind) {
    case 'unchanged':
      return '';
    case 'removed':
      return 'no bullet on the page matches';
    case 'added':
      return `no criterion matches${at}`;
    default: {
      const form = change.cosmetic
        ? `only ${change.changed.join(', ')} changed`
        : change.changed.includes('words')
          ? 'words changed'
          : '';
      return [change.kind === 'moved' ? 'tier changed' : '', form].filter(Boolean).join('; ') + at;
    }
  }
}

/** Multi-line texts (nested bullets) keep their lines, indented under the first. */
function wording(text: string, indent: string): string {
  return terminalText(text.replace(/\n/g, ' \u21b5 ')).replace(/ \u21b5 /g, `\n${indent}      `);
}

function summary(changes: readonly DriftChange[]): string {
  const counts = new Map<DriftKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const cosmetic = changes.filter((change) => change.kind === 'reworded' && change.cosmetic).length;
  const criteria = changes.length - (counts.get('added') ?? 0);
  const parts = (['unchanged', 'reworded', 'moved', 'removed'] as const).map((kind) => {
    const n = counts.get(kind) ?? 0;
    return kind === 'reworded' && cosmetic > 0 ? `${n} reworded (${cosmetic} only in form)` : `${n} ${kind}`;
  });
  const added = counts.get('added') ?? 0;
  return `${criteria} criteria: ${parts.join(', ')}; ${added} bullet${added === 1 ? '' : 's'} added on the page`;
}
