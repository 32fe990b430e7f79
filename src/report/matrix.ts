import type { Verdict } from '../engine/evaluate.js';
import type { Level } from '../schema/criteria.js';
import { keptByQuiet, type QuietOptions, resultKeptByQuiet } from './quiet.js';
import type { CandidateReport, CriteriaInfo, Report, ResultReport } from './report.js';

/** One comparison: the candidates judged against one criteria set, criteria as rows, candidates as columns. */
export interface Matrix {
  criteria: Omit<CriteriaInfo, 'criteria'>;
  candidates: {
    file: string;
    name: string;
    homepage?: string;
    verdict: Verdict;
    best_case: { passed: number; total: number };
  }[];
  rows: MatrixRow[];
}

export interface MatrixRow {
  criterion: string;
  level: Level;
  text: string;
  help?: string;
  /** One per candidate, in column order; null when the candidate has no result for the criterion. */
  cells: (ResultReport | null)[];
}

export interface MatrixOptions extends QuietOptions {
  /** Keep only candidates that do not meet the minimum, and rows where one of them fails or is unknown. */
  quiet?: boolean;
}

/**
 * The compare view of a report: one matrix per criteria set, in the report's criteria order, since
 * candidates judged against different sets share no rows. Pure.
 */
export function buildMatrices(report: Report, options: MatrixOptions = {}): Matrix[] {
  return report.criteria.flatMap((set) => {
    const candidates = report.candidates.filter(
      (candidate) => candidate.criteria === set.id && !(options.quiet && !keptByQuiet(candidate, options)),
    );
    if (candidates.length === 0) return [];
    const rows = set.criteria
      .map(
        ({ id, level, text, help }): MatrixRow => ({
          criterion: id,
          level,
          text,
          ...(help ? { help } : {}),
          cells: candidates.map((candidate) => cellOf(candidate, id)),
        }),
      )
      .filter((row) => !options.quiet || row.cells.some((cell) => cell !== null && resultKeptByQuiet(cell, options)));
    const { criteria: _criteria, ...info } = set;
    return [
      {
        criteria: info,
        candidates: candidates.map(({ results: _results, criteria: _set, ...column }) => column),
        rows,
      },
    ];
  });
}

function cellOf(candidate: CandidateReport, criterion: string): ResultReport | null {
  return candidate.results.find((result) => result.criterion === criterion) ?? null;
}

/** Each column's candidate name, with its file when another column has the same name, so the two can be told apart. */
export function columnLabels(matrix: Matrix): { name: string; file?: string }[] {
  const counts = new Map<string, number>();
  for (const { name } of matrix.candidates) counts.set(name, (counts.get(name) ?? 0) + 1);
  return matrix.candidates.map(({ name, file }) => ((counts.get(name) ?? 0) > 1 ? { name, file } : { name }));
}

/** A column label on one line: `Ente Photos`, or `Ente Photos (old/ente.yaml)` when the name is shared. */
export function labelText(label: { name: string; file?: string }): string {
  return label.file === undefined ? label.name : `${label.name} (${label.file})`;
}
