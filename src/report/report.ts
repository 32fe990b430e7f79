import type { CriterionResult, Verdict } from '../engine/evaluate.js';
import { pathText } from '../path.js';
import type { Problem } from '../load/problem.js';
import type { Level } from '../schema/criteria.js';

export const REPORT_FORMAT = 1;

/** A result's status in a report: the engine's, `waived` when a manifest waiver covers a non-pass. */
export type ReportStatus = CriterionResult['status'];

export interface ResultReport {
  criterion: string;
  level: Level;
  status: ReportStatus;
  reason: string;
  /** Set when the evidence behind the result is older than the criteria set's max_age. */
  stale?: { reason: string };
  /** The waiver that turned this result into `waived`. */
  waiver?: { reason: string; approved_by: string; expires: string };
  /** The URLs of the sources behind the claims the result relied on; left out when there are none. */
  sources?: string[];
  /** The manifest field the result is about, and where it is (or would go) in the file. */
  path: string;
  line: number;
  column: number;
}

export interface CriterionInfo {
  id: string;
  level: Level;
  text: string;
  help?: string;
  /** `required`: every claim the result relies on needs a source. */
  evidence?: 'required';
  /** The id of the set the criterion is inherited from (through `extends`); absent for the set's own. */
  from?: string;
}

export interface CandidateReport {
  file: string;
  name: string;
  /** The manifest's `homepage`, when it gives one. */
  homepage?: string;
  criteria: string;
  verdict: Verdict;
  best_case: { passed: number; total: number };
  results: ResultReport[];
}

export interface CriteriaInfo {
  id: string;
  title: string;
  source: string;
  revision: string;
  /** How old evidence may be before results built on it are stale. */
  max_age?: string;
  criteria: CriterionInfo[];
}

export interface Summary {
  candidates: number;
  'meets-minimum': number;
  'fails-minimum': number;
  incomplete: number;
  /** Candidates with at least one stale result, and the stale results among all candidates. */
  stale: number;
  stale_results: number;
  /** Files that could not be read, parsed or validated. */
  errors: number;
}

export interface Report {
  tool: 'pgcheck';
  version: string;
  report_format: typeof REPORT_FORMAT;
  /** The day the report was evaluated as of (`--as-of`): staleness and waiver expiry are judged against it. */
  as_of: string;
  criteria: CriteriaInfo[];
  candidates: CandidateReport[];
  errors: Problem[];
  /** Things worth a look that are not errors (an expired or unused waiver, say). */
  warnings: Problem[];
  summary: Summary;
}

export function resultReport(
  result: CriterionResult,
  locate: (path: CriterionResult['path']) => { line: number; column: number },
): ResultReport {
  const { line, column } = locate(result.path);
  // Built property by property, in the order reports print them: an object spread followed by more
  // properties takes a slow path in V8, and this runs for every result of every candidate.
  const report: Partial<ResultReport> = {
    criterion: result.criterion,
    level: result.level,
    status: result.status,
    reason: result.reason,
  };
  if (result.stale) report.stale = result.stale;
  if (result.waiver) report.waiver = result.waiver;
  if (result.sources.length > 0) report.sources = result.sources;
  report.path = pathText(result.path);
  report.line = line;
  report.column = column;
  return report as ResultReport;
}

export const failOnStates = ['unknown', 'stale'] as const;
export type FailOn = (typeof failOnStates)[number];

/** 2 for any unreadable or invalid input, 1 for any candidate failing the minimum (or incomplete or stale, when asked), else 0. */
export function exitCodeOf(report: Report, failOn: readonly FailOn[] = []): 0 | 1 | 2 {
  if (report.errors.length > 0) return 2;
  if (report.summary['fails-minimum'] > 0) return 1;
  if (failOn.includes('unknown') && report.summary.incomplete > 0) return 1;
  if (failOn.includes('stale') && report.summary.stale > 0) return 1;
  return 0;
}
