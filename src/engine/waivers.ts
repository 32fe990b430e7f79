import { closest } from '../schema/suggest.js';
import type { CriterionResult } from './evaluate.js';
import type { WaiverNote } from './findings.js';

export interface Waiver {
  criterion: string;
  reason: string;
  approved_by: string;
  expires: string;
}

/** The note for `waivers[index]` naming `criterion`, which is not among the set's criterion ids. */
export function unknownCriterionNote(
  criterion: string,
  index: number,
  ids: readonly string[],
  criteria: string,
): WaiverNote {
  const suggestion = closest(criterion, ids);
  return { code: 'unknown-criterion', index, criterion, criteria, ...(suggestion ? { suggestion } : {}) };
}

/**
 * Turns results a live waiver covers into `waived` (never `pass`), and notes every waiver that
 * did not apply: for an unknown criterion, expired before `asOf`, or covering nothing that needs it.
 */
export function applyWaivers(
  results: readonly CriterionResult[],
  waivers: readonly Waiver[],
  context: { asOf: string; criteria: string },
): { results: CriterionResult[]; notes: WaiverNote[] } {
  const waived = new Map<string, { index: number; waiver: Waiver }>();
  const notes: WaiverNote[] = [];
  const ids = results.map((result) => result.criterion);
  waivers.forEach((waiver, index) => {
    const { criterion } = waiver;
    const result = results.find((candidate) => candidate.criterion === criterion);
    const earlier = waived.get(criterion);
    if (!result) {
      notes.push(unknownCriterionNote(criterion, index, ids, context.criteria));
    } else if (waiver.expires < context.asOf) {
      notes.push({ code: 'expired', index, criterion, expires: waiver.expires, asOf: context.asOf });
    } else if (result.status === 'pass' || result.status === 'not-applicable') {
      notes.push({ code: 'unused', index, criterion, status: result.status });
    } else if (earlier) {
      notes.push({ code: 'duplicate', index, criterion, applied: earlier.index });
    } else {
      waived.set(criterion, { index, waiver });
    }
  });
  const applied = results.map((result) => {
    const entry = waived.get(result.criterion);
    if (!entry) return result;
    const { reason, approved_by, expires } = entry.waiver;
    return { ...result, status: 'waived' as const, waiver: { reason, approved_by, expires } };
  });
  return { results: applied, notes };
}
