import type { CandidateChange, ReportDiff, StatusChange } from '../diff.js';

/** How a candidate's verdict moved, in one word. */
export function verdictMove(change: CandidateChange): 'worse' | 'better' | 'changed' {
  if (change.worse) return 'worse';
  return change.verdict_before === change.verdict_after ? 'changed' : 'better';
}

export function verdictText(change: CandidateChange): string {
  return change.verdict_before === change.verdict_after
    ? `${change.verdict_after} (results changed)`
    : `${change.verdict_before} -> ${change.verdict_after}`;
}

export function statusText(change: StatusChange): string {
  if (change.status_before === change.status_after) return `${change.status_after} (unchanged)`;
  return `${change.status_before ?? 'not in the old report'} -> ${change.status_after ?? 'not in the new report'}`;
}

export function levelText(change: StatusChange): string {
  return change.level_before !== null && change.level_before !== change.level
    ? `${change.level_before} -> ${change.level}`
    : change.level;
}

export function summaryText({ summary }: ReportDiff): string {
  const better = summary.changed - summary.worse;
  return `${summary.added} added, ${summary.removed} removed, ${summary.worse} worse, ${better} changed otherwise, ${summary.unchanged} unchanged`;
}
