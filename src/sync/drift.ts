import type { Level } from '../schema/criteria.js';
import type { UpstreamBullet } from './criteria-page.js';
import { type Cosmetic, cosmeticDifference, formKey, similarity, wordsOf } from './wording.js';

export type DriftKind = 'unchanged' | 'reworded' | 'moved' | 'removed' | 'added';

/** One criterion of the set, or one bullet of the page, and what became of it. */
export interface DriftChange {
  kind: DriftKind;
  /** The criterion's id in the set (null for a bullet no criterion matches). */
  criterion: string | null;
  level: Level | null;
  upstream_level: Level | null;
  /** The set's wording (null for an added bullet). */
  before: string | null;
  /** The page's wording (null for a removed criterion). */
  after: string | null;
  /** True when the wording differs only in form (`changed` says how); false when words changed. */
  cosmetic: boolean;
  /** How the wording changed: cosmetic kinds, or `words`; empty when it did not. */
  changed: (Cosmetic | 'words')[];
  /** Line of the bullet on the page. */
  line: number | null;
}

export interface DriftReport {
  set: string;
  upstream: string;
  changes: DriftChange[];
}

export interface SetCriterion {
  id: string;
  level: Level;
  text: string;
}

/** Words two wordings must share (Dice) to count as one criterion reworded rather than one removed and one added. */
export const REWORDED_AT = 0.5;

/**
 * Matches each criterion of a set with a bullet of its page: first those whose wording is the same
 * up to case, hyphens, punctuation and known abbreviations, then the most alike pairs among the rest.
 */
export function driftOf(criteria: readonly SetCriterion[], bullets: readonly UpstreamBullet[]): DriftChange[] {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (criterion: number, bullet: number) => {
    pairs.set(criterion, bullet);
    taken.add(bullet);
  };
  // Keyed by form, so the first pass is linear in the page's length.
  const byForm = new Map<string, number[]>();
  bullets.forEach((bullet, b) => {
    const key = formKey(bullet.text);
    byForm.set(key, [...(byForm.get(key) ?? []), b]);
  });
  criteria.forEach((criterion, c) => {
    const same = byForm.get(formKey(criterion.text))?.find((b) => !taken.has(b));
    if (same !== undefined) pair(c, same);
  });
  const words = bullets.map((bullet, b) => (taken.has(b) ? [] : wordsOf(bullet.text)));
  const candidates: { c: number; b: number; score: number }[] = [];
  criteria.forEach((criterion, c) => {
    if (pairs.has(c)) return;
    const own = wordsOf(criterion.text);
    bullets.forEach((_bullet, b) => {
      if (taken.has(b)) return;
      const score = similarity(own, words[b]!);
      if (score >= REWORDED_AT) candidates.push({ c, b, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.c - y.c || x.b - y.b);
  for (const { c, b } of candidates) if (!pairs.has(c) && !taken.has(b)) pair(c, b);

  const changes = criteria.map((criterion, c): DriftChange => {
    const b = pairs.get(c);
    if (b === undefined) return change('removed', criterion, undefined);
    return change(undefined, criterion, bullets[b]!);
  });
  bullets.forEach((bullet, b) => {
    if (!taken.has(b)) changes.push(change('added', undefined, bullet));
  });
  return changes;
}

function change(
  kind: DriftKind | undefined,
  criterion: SetCriterion | undefined,
  bullet: UpstreamBullet | undefined,
): DriftChange {
  const cosmetic = criterion && bullet ? cosmeticDifference(criterion.text, bullet.text) : undefined;
  const changed: DriftChange['changed'] = criterion && bullet ? (cosmetic ?? ['words']) : [];
  // A bullet of a flat list has no tier on the page (its level was guessed from its wording), so the
  // set's level for it is the set's choice: it can only move between tiers the page states.
  const moved = criterion !== undefined && bullet?.tiered === true && criterion.level !== bullet.level;
  const decided: DriftKind = kind ?? (moved ? 'moved' : changed.length === 0 ? 'unchanged' : 'reworded');
  return {
    kind: decided,
    criterion: criterion?.id ?? null,
    level: criterion?.level ?? null,
    upstream_level: bullet?.level ?? null,
    before: criterion?.text ?? null,
    after: bullet?.text ?? null,
    cosmetic: cosmetic !== undefined && cosmetic.length > 0,
    changed,
    line: bullet?.line ?? null,
  };
}

/** 1 when the set no longer says what the page says: a criterion added, removed, moved or reworded in substance. */
export function driftExitCode(changes: readonly DriftChange[]): 0 | 1 {
  return changes.some(
    (item) =>
      item.kind === 'added' ||
      item.kind === 'removed' ||
      item.kind === 'moved' ||
      (item.kind === 'reworded' && !item.cosmetic),
  )
    ? 1
    : 0;
}
