/**
 * Findings are data: a code, typed arguments and the manifest path they are about.
 * Every reason a person reads is worded here, in one place.
 */
import { type Path, pathText } from '../path.js';
type ComposedStatus = 'pass' | 'fail' | 'unknown';

export type Finding =
  | { code: 'absent'; path: Path }
  | { code: 'wrong-type'; path: Path; actual: unknown; expected: string }
  | { code: 'equals'; path: Path; ok: boolean; actual: unknown; expected: unknown }
  | { code: 'one-of'; path: Path; ok: boolean; actual: unknown; expected: unknown[] }
  | { code: 'includes-any'; path: Path; ok: boolean; actual: unknown[]; expected: unknown[] }
  | { code: 'includes-all'; path: Path; ok: boolean; actual: unknown[]; expected: unknown[] }
  | { code: 'at-least'; path: Path; ok: boolean; actual: number; minimum: number }
  | { code: 'non-empty'; path: Path; ok: boolean; count: number; list: boolean }
  | { code: 'osi-approved'; path: Path; ok: boolean; expression: string; rejected: string[] }
  | { code: 'all' | 'any'; status: ComposedStatus; children: Finding[] }
  | { code: 'not'; status: ComposedStatus; child: Finding }
  | { code: 'some' | 'every'; path: Path; status: ComposedStatus; count: number; children: Finding[] }
  | { code: 'not-applicable'; condition: Finding }
  | { code: 'applicability-unknown'; condition: Finding }
  | { code: 'no-source'; subjects: string[]; claim: Finding };

const MAX_LISTED_ITEMS = 3;

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map(valueText).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

function alternatives(values: unknown[], word: 'or' | 'and'): string {
  const texts = values.map(valueText);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} ${word} ${texts.at(-1)}`;
}

/** The finding as a reason a reviewer can act on: what is the case and, when it falls short, what is needed. */
export function describeFinding(finding: Finding): string {
  switch (finding.code) {
    case 'all':
    case 'any':
      return composed(finding);
    case 'not':
      return finding.status === 'pass'
        ? factOf(finding.child)
        : finding.status === 'fail'
          ? `${factOf(finding.child)}, which must not be the case`
          : describeFinding(finding.child);
    case 'some':
    case 'every':
      return quantified(finding);
    case 'not-applicable':
      return `does not apply: ${factOf(finding.condition)}`;
    case 'applicability-unknown':
      return `unknown whether it applies: ${describeFinding(finding.condition)}`;
    case 'no-source':
      return `no source for ${alternatives(finding.subjects, 'and')} (${describeFinding(finding.claim)})`;
    default: {
      const need = needOf(finding);
      return need ? `${factOf(finding)}, needs ${need}` : factOf(finding);
    }
  }
}

/** What is the case, without what is needed. */
function factOf(finding: Finding): string {
  switch (finding.code) {
    case 'absent':
      return `${pathText(finding.path)} is not given`;
    case 'wrong-type':
      return `${pathText(finding.path)} is ${valueText(finding.actual)}, not ${finding.expected}`;
    case 'equals':
    case 'one-of':
    case 'at-least':
      return `${pathText(finding.path)} is ${valueText(finding.actual)}`;
    case 'includes-any': {
      const p = pathText(finding.path);
      if (finding.actual.length === 0) return `${p} is empty`;
      if (!finding.ok) return `${p} lists ${alternatives(finding.actual, 'and')} only`;
      const matched = finding.actual.filter((value) => finding.expected.includes(value));
      return `${p} includes ${alternatives(matched, 'and')}`;
    }
    case 'includes-all': {
      const p = pathText(finding.path);
      if (finding.ok) return `${p} includes ${alternatives(finding.expected, 'and')}`;
      const missing = finding.expected.filter((value) => !finding.actual.includes(value));
      return `${p} lacks ${alternatives(missing, 'and')}`;
    }
    case 'non-empty':
      if (!finding.ok) return `${pathText(finding.path)} is empty`;
      return finding.list ? `${pathText(finding.path)} lists ${finding.count}` : `${pathText(finding.path)} is given`;
    case 'osi-approved':
      return finding.ok
        ? `${pathText(finding.path)} ${finding.expression} is OSI-approved`
        : `${pathText(finding.path)} ${finding.expression}: ${alternatives(finding.rejected, 'and')} ${finding.rejected.length === 1 ? 'is' : 'are'} not OSI-approved`;
    default:
      return describeFinding(finding);
  }
}

function needOf(finding: Finding): string | undefined {
  if (!('ok' in finding) || finding.ok) return undefined;
  switch (finding.code) {
    case 'equals':
      return valueText(finding.expected);
    case 'one-of':
      return `one of ${alternatives(finding.expected, 'or')}`;
    case 'includes-any':
      return alternatives(finding.expected, 'or');
    case 'includes-all':
      return `all of ${alternatives(finding.expected, 'and')}`;
    case 'at-least':
      return `at least ${finding.minimum}`;
    case 'non-empty':
      return 'at least one entry';
    case 'osi-approved':
      return 'an OSI-approved licence';
    default:
      return undefined;
  }
}

function composed(finding: Extract<Finding, { code: 'all' | 'any' }>): string {
  const parts = finding.children.map(describeFinding);
  if (finding.code === 'all') return parts.join(finding.status === 'pass' ? ' and ' : '; ');
  return parts.join(finding.status === 'pass' ? '' : '; or ');
}

function quantified(finding: Extract<Finding, { code: 'some' | 'every' }>): string {
  const p = pathText(finding.path);
  if (finding.count === 0) return `${p} is empty`;
  const shown = finding.children.slice(0, MAX_LISTED_ITEMS).map(describeFinding);
  const more = finding.children.length - shown.length;
  const list = `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  if (finding.code === 'some') {
    if (finding.status === 'pass') return list;
    if (finding.status === 'fail') return `no entry of ${p} qualifies: ${list}`;
    return `no entry of ${p} is known to qualify: ${list}`;
  }
  if (finding.status === 'pass') return list;
  return `not every entry of ${p} qualifies: ${list}`;
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
    date ? `${alternatives(names, 'and')} checked ${date}` : `${alternatives(names, 'and')} with no reviewed or retrieved date`,
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
