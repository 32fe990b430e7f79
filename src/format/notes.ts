import { columnLabels, labelText, type Matrix } from '../report/matrix.js';
import type { ResultReport } from '../report/report.js';

/** What a result carries beyond its reason (a waiver, stale evidence), as plain unescaped sentences. */
export function resultNotes(result: ResultReport): string[] {
  const notes: string[] = [];
  if (result.waiver) {
    const { reason, approved_by, expires } = result.waiver;
    notes.push(`waived by ${approved_by} until ${expires}: ${reason}`);
  }
  if (result.stale) notes.push(`stale evidence: ${result.stale.reason}`);
  return notes;
}

/** The reason followed by the notes, for formats with room for one text per result. */
export function resultDetail(result: ResultReport): string {
  return [result.reason, ...resultNotes(result)].join('; ');
}

/** Every note of a compare matrix, as `candidate, criterion: note`, since a matrix cell has room only for a status. */
export function matrixNotes(matrix: Matrix): string[] {
  const labels = columnLabels(matrix);
  return matrix.rows.flatMap((row) =>
    row.cells.flatMap((cell, column) => {
      const label = labels[column];
      return cell && label ? resultNotes(cell).map((note) => `${labelText(label)}, ${row.criterion}: ${note}`) : [];
    }),
  );
}
