/**
 * Findings are data: a code, typed arguments and the manifest path they are about. The engine's own
 * findings are worded here; an operator's findings (their code is the operator's name) are worded by
 * the operator itself, in its file.
 */
import { operators } from '../operators/registry.js';
import type { Explanation, Words } from '../operators/operator.js';
import type { Path } from '../path.js';
import { alternatives, pathText, valueText } from './words.js';

export { pathText };

export type EngineFinding =
  | { code: 'absent'; path: Path }
  | { code: 'wrong-type'; path: Path; actual: unknown; expected: string }
  | { code: 'not-applicable'; condition: Finding }
  | { code: 'applicability-unknown'; condition: Finding }
  | { code: 'no-source'; subjects: string[]; claim: Finding };

/** A finding made by an operator: `code` is the operator's name, the rest is the operator's own. */
export interface OperatorFinding {
  code: string;
  path?: Path;
  ok?: boolean;
  [argument: string]: unknown;
}

export type Finding = EngineFinding | OperatorFinding;

const engineCodes: ReadonlySet<string> = new Set([
  'absent',
  'wrong-type',
  'not-applicable',
  'applicability-unknown',
  'no-source',
]);

function isEngineFinding(finding: Finding): finding is EngineFinding {
  return engineCodes.has(finding.code);
}

/** The finding as a reason a reviewer can act on: what is the case and, when it falls short, what is needed. */
export function describeFinding(finding: Finding): string {
  const { fact, need } = explain(finding);
  return need ? `${fact}, needs ${need}` : fact;
}

/** What is the case, without what is needed. */
function factOf(finding: Finding): string {
  return explain(finding).fact;
}

const words: Words = { describe: describeFinding, fact: factOf };

function explain(finding: Finding): Explanation {
  if (!isEngineFinding(finding)) {
    const operator = operators.get(finding.code);
    if (!operator) throw new Error(`no operator words finding ${finding.code}`);
    return operator.explain(finding, words);
  }
  switch (finding.code) {
    case 'absent':
      return { fact: `${pathText(finding.path)} is not given` };
    case 'wrong-type':
      return { fact: `${pathText(finding.path)} is ${valueText(finding.actual)}, not ${finding.expected}` };
    case 'not-applicable':
      return { fact: `does not apply: ${factOf(finding.condition)}` };
    case 'applicability-unknown':
      return { fact: `unknown whether it applies: ${describeFinding(finding.condition)}` };
    case 'no-source':
      return { fact: `no source for ${alternatives(finding.subjects, 'and')} (${describeFinding(finding.claim)})` };
  }
}

/** Evidence older than a criteria set's max_age: the subjects and when each was last checked. */
export interface Staleness {
  maxAge: string;
  asOf: string;
  subjects: { name: string; checked?: string }[];
}

export function describeStaleness(staleness: Staleness): string {
  const byDate = new Map<string, string[]>();
  for (const subject of staleness.subjects) {
    const key = subject.checked ?? '';
    byDate.set(key, [...(byDate.get(key) ?? []), subject.name]);
  }
  const parts = [...byDate].map(([date, names]) =>
    date
      ? `${alternatives(names, 'and')} checked ${date}`
      : `${alternatives(names, 'and')} with no reviewed or retrieved date`,
  );
  return `evidence older than ${staleness.maxAge} on ${staleness.asOf}: ${parts.join('; ')}`;
}

/** Why a manifest's waiver was not applied. */
export type WaiverNote =
  | { code: 'unknown-criterion'; index: number; criterion: string; criteria: string; suggestion?: string }
  | { code: 'expired'; index: number; criterion: string; expires: string; asOf: string }
  | { code: 'unused'; index: number; criterion: string; status: 'pass' | 'not-applicable' }
  | { code: 'duplicate'; index: number; criterion: string; applied: number };

export function describeWaiverNote(note: WaiverNote): string {
  const at = `waivers[${note.index}]`;
  switch (note.code) {
    case 'unknown-criterion': {
      const hint = note.suggestion ? `; did you mean "${note.suggestion}"?` : '';
      return `${at}.criterion: "${note.criterion}" is not a criterion of ${note.criteria}${hint}`;
    }
    case 'expired':
      return `${at}: the waiver for ${note.criterion} expired on ${note.expires} and no longer applies (as of ${note.asOf})`;
    case 'unused':
      return `${at}: the waiver for ${note.criterion} is unused: the criterion ${note.status === 'pass' ? 'passes' : 'does not apply'} without it`;
    case 'duplicate':
      return `${at}: the waiver for ${note.criterion} is unused: waivers[${note.applied}] already waives it`;
  }
}
