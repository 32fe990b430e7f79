import type { Finding } from '../engine/findings.js';
import type { Explanation, Outcome, Status, Words } from './operator.js';

export type CombinedFinding = { code: 'all' | 'any'; status: Status; children: Finding[] };

/**
 * Kleene's three-valued logic: for `all`, one fail decides and otherwise one unknown leaves it
 * unknown; for `any`, one pass decides and otherwise one unknown leaves it unknown.
 */
export function combinedStatus(statuses: readonly Status[], mode: 'all' | 'any'): Status {
  const decisive: Status = mode === 'all' ? 'fail' : 'pass';
  let unknown = false;
  for (const status of statuses) {
    if (status === decisive) return decisive;
    if (status === 'unknown') unknown = true;
  }
  if (unknown) return 'unknown';
  return mode === 'all' ? 'pass' : 'fail';
}

/** The outcomes that explain a combined status: those that share it. */
export function explaining(outcomes: Outcome[], status: Status, mode: 'all' | 'any'): Outcome[] {
  const same = outcomes.filter((outcome) => outcome.status === status);
  if (mode === 'any' && status === 'pass') return same.slice(0, 1);
  // Unknown: what is missing, and for `any` also the alternatives that failed, since either could be fixed.
  if (status === 'unknown') return outcomes.filter((outcome) => outcome.status !== 'pass');
  return same;
}

export function combine(
  outcomes: Outcome[],
  mode: 'all' | 'any',
  finding: (status: Status, children: Finding[]) => Finding,
): Outcome {
  const status = combinedStatus(
    outcomes.map((outcome) => outcome.status),
    mode,
  );
  const reasons = explaining(outcomes, status, mode);
  const findings: Finding[] = [];
  // Only the outcomes that decided the status were relied on (for `any`, the passing branch, not the others).
  const reads: Outcome['reads'] = [];
  for (const outcome of reasons) {
    findings.push(outcome.finding);
    for (const path of outcome.reads) reads.push(path);
  }
  return {
    status,
    finding: finding(status, findings),
    path: (reasons.find((outcome) => outcome.status === status) ?? reasons[0] ?? outcomes[0])?.path ?? [],
    reads,
  };
}

/** The reasons of the parts that explain the status, joined as `all` or `any` reads, each said once. */
export function explainCombined(finding: CombinedFinding, words: Words): Explanation {
  if (finding.status === 'unknown') return { fact: unknownReason(finding, words) };
  const parts = [...new Set(finding.children.map((child) => words.describe(child)))];
  if (finding.code === 'all') return { fact: parts.join(finding.status === 'pass' ? ' and ' : '; ') };
  return { fact: parts.join(finding.status === 'pass' ? '' : '; or ') };
}

function isCombined(finding: Finding): finding is Finding & CombinedFinding {
  return finding.code === 'all' || finding.code === 'any';
}

/**
 * One clause per missing (or failing) fact however the checks nest, each named once though several
 * alternatives read it. "; or " only where every clause is an alternative of one `any`.
 */
function unknownReason(finding: CombinedFinding, words: Words): string {
  const clauses = new Set<string>();
  let mixed = false;
  const collect = (node: CombinedFinding) => {
    for (const child of node.children) {
      if (isCombined(child) && child.status === 'unknown') {
        mixed ||= child.code !== finding.code;
        collect(child);
      } else clauses.add(words.describe(child));
    }
  };
  collect(finding);
  return [...clauses].join(finding.code === 'any' && !mixed ? '; or ' : '; ');
}
