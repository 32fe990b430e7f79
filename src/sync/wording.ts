/** What kind of difference separates two wordings of a criterion, when only the form changed. */
export type Cosmetic = 'case' | 'hyphens' | 'punctuation' | 'abbreviations';

export const COSMETIC_KINDS: readonly Cosmetic[] = ['case', 'hyphens', 'punctuation', 'abbreviations'];

/** Abbreviations criteria pages use interchangeably with their long forms (compared in lower case). */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\be2ee\b/gi, 'end-to-end encryption'],
  [/\be2e\b/gi, 'end-to-end'],
  [/\bmfa\b/gi, 'multi-factor authentication'],
  [/\b2fa\b/gi, 'two-factor authentication'],
  [/\bpii\b/gi, 'personally identifiable information'],
];

const steps: Record<Cosmetic, (text: string) => string> = {
  abbreviations: (text) => ABBREVIATIONS.reduce((out, [pattern, long]) => out.replace(pattern, long), text),
  case: (text) => text.toLowerCase(),
  // "multi-factor", "multifactor" and "multi factor" are one word written three ways.
  hyphens: (text) => text.replace(/(\w)[-\u2010\u2011 ](?=\w)/g, '$1'),
  punctuation: (text) =>
    text
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
};

/** White space is never a difference. */
export function spaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The fewest kinds of cosmetic change that make `before` read as `after`: [] when the texts are the
 * same, undefined when the words themselves differ.
 */
export function cosmeticDifference(before: string, after: string): Cosmetic[] | undefined {
  const a = spaced(before);
  const b = spaced(after);
  if (a === b) return [];
  let best: Cosmetic[] | undefined;
  for (let mask = 1; mask < 1 << COSMETIC_KINDS.length; mask++) {
    const kinds = COSMETIC_KINDS.filter((_, bit) => mask & (1 << bit));
    if (best && kinds.length >= best.length) continue;
    if (normalise(a, kinds) === normalise(b, kinds)) best = kinds;
  }
  return best;
}

// Applied in a fixed order whatever the subset: abbreviations first (they are matched in any case),
// punctuation before hyphens (so "third-party." and "third party" meet).
const ORDER: readonly Cosmetic[] = ['abbreviations', 'case', 'punctuation', 'hyphens'];

function normalise(text: string, kinds: readonly Cosmetic[]): string {
  return ORDER.reduce((out, kind) => (kinds.includes(kind) ? steps[kind](out) : out), text);
}

/** Equal for two wordings exactly when cosmeticDifference finds them the same up to form. */
export function formKey(text: string): string {
  return normalise(spaced(text), COSMETIC_KINDS);
}

/** The text's words, every cosmetic difference ironed out: for telling a rewording from a new criterion. */
export function wordsOf(text: string): string[] {
  // Hyphens are dropped inside words only: the hyphens step would join every word into one.
  return normalise(spaced(text), ['abbreviations', 'case', 'punctuation']).replace(/-/g, '').split(' ').filter(Boolean);
}

/** How much two wordings (as wordsOf gives them) share, 0 to 1: Dice's coefficient over their words. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
