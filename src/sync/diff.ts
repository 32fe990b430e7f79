import { z } from 'zod';
import type { Verdict } from '../engine/evaluate.js';
import { REPORT_FORMAT } from '../report/report.js';
import type { Level } from '../schema/criteria.js';

const verdicts = ['meets-minimum', 'incomplete', 'fails-minimum'] as const;
const levels = ['minimum', 'best-case'] as const;

/** The parts of an `evaluate --format json` report that diff reads; anything else in it is ignored. */
export const diffInputSchema = z.object({
  candidates: z.array(
    z.object({
      file: z.string(),
      name: z.string(),
      criteria: z.string(),
      verdict: z.enum(verdicts),
      results: z.array(
        z.object({ criterion: z.string(), level: z.enum(levels), status: z.string(), reason: z.string() }),
      ),
    }),
  ),
});

export type DiffInput = z.infer<typeof diffInputSchema>;
type Candidate = DiffInput['candidates'][number];
type Result = Candidate['results'][number];

/** Why a parsed JSON value is not a report diff can read, or undefined when it may be. */
export function reportRefusal(value: unknown): string | undefined {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    (value as { tool?: unknown }).tool !== 'pgcheck'
  ) {
    return 'not a pgcheck report: give the output of pgcheck evaluate --format json';
  }
  const format = (value as { report_format?: unknown }).report_format;
  if (format !== REPORT_FORMAT) {
    return `report_format ${JSON.stringify(format) ?? 'missing'}: this pgcheck compares reports of report_format ${REPORT_FORMAT} only (reports of any pgcheck version with that format compare)`;
  }
  if (!Array.isArray((value as { candidates?: unknown }).candidates)) {
    return 'not a report of pgcheck evaluate (no candidates; compare --format json prints a matrix, which diff does not read)';
  }
  return undefined;
}

export interface CandidateRef {
  file: string;
  name: string;
  criteria: string;
  verdict: Verdict;
}

export interface StatusChange {
  criterion: string;
  level: Level;
  /** Differs from `level` when the criteria set moved the criterion to another tier (null: not in the old report). */
  level_before: Level | null;
  /** null when the criterion was not in that report (the criteria set gained or lost it). */
  status_before: string | null;
  status_after: string | null;
  reason_before: string | null;
  reason_after: string | null;
}

export interface CandidateChange {
  file: string;
  name: string;
  criteria: string;
  verdict_before: Verdict;
  verdict_after: Verdict;
  /** The verdict moved towards fails-minimum. */
  worse: boolean;
  results: StatusChange[];
}

export interface ReportDiff {
  old: string;
  new: string;
  added: CandidateRef[];
  removed: CandidateRef[];
  changed: CandidateChange[];
  summary: { added: number; removed: number; changed: number; worse: number; unchanged: number };
}

const rank: Record<Verdict, number> = { 'meets-minimum': 0, incomplete: 1, 'fails-minimum': 2 };

/** What changed between two reports: candidates (by file and criteria set) added, removed, and changed. */
export function diffReports(oldName: string, before: DiffInput, newName: string, after: DiffInput): ReportDiff {
  const key = (candidate: Candidate) => `${candidate.file}\u0000${candidate.criteria}`;
  const old = new Map(before.candidates.map((candidate) => [key(candidate), candidate]));
  const now = new Map(after.candidates.map((candidate) => [key(candidate), candidate]));
  const added = after.candidates.filter((candidate) => !old.has(key(candidate))).map(refOf);
  const removed = before.candidates.filter((candidate) => !now.has(key(candidate))).map(refOf);
  const changed: CandidateChange[] = [];
  let unchanged = 0;
  for (const candidate of after.candidates) {
    const previous = old.get(key(candidate));
    if (!previous) continue;
    const results = resultChanges(previous.results, candidate.results);
    if (results.length === 0 && previous.verdict === candidate.verdict) {
      unchanged++;
      continue;
    }
    changed.push({
      file: candidate.file,
      name: candidate.name,
      criteria: candidate.criteria,
      verdict_before: previous.verdict,
      verdict_after: candidate.verdict,
      worse: rank[candidate.verdict] > rank[previous.verdict],
      results,
    });
  }
  const worse = changed.filter((change) => change.worse).length;
  return {
    old: oldName,
    new: newName,
    added,
    removed,
    changed,
    summary: { added: added.length, removed: removed.length, changed: changed.length, worse, unchanged },
  };
}

function refOf({ file, name, criteria, verdict }: Candidate): CandidateRef {
  return { file, name, criteria, verdict };
}

/** Criteria whose status (or tier) changed, in the new report's order, then those only the old one had. */
function resultChanges(before: Result[], after: Result[]): StatusChange[] {
  const old = new Map(before.map((result) => [result.criterion, result]));
  const seen = new Set(after.map((result) => result.criterion));
  const changes: StatusChange[] = [];
  for (const result of after) {
    const previous = old.get(result.criterion);
    if (previous?.status === result.status && previous.level === result.level) continue;
    changes.push({
      criterion: result.criterion,
      level: result.level,
      level_before: previous?.level ?? null,
      status_before: previous?.status ?? null,
      status_after: result.status,
      reason_before: previous?.reason ?? null,
      reason_after: result.reason,
    });
  }
  for (const result of before) {
    if (seen.has(result.criterion)) continue;
    changes.push({
      criterion: result.criterion,
      level: result.level,
      level_before: result.level,
      status_before: result.status,
      status_after: null,
      reason_before: result.reason,
      reason_after: null,
    });
  }
  return changes;
}

/** 1 when some candidate's verdict got worse (meets-minimum → incomplete or fails-minimum, incomplete → fails-minimum). */
export function diffExitCode(diff: ReportDiff): 0 | 1 {
  return diff.summary.worse > 0 ? 1 : 0;
}
