/** Words that carry no meaning in an id: the modal verbs every criterion starts with, articles, links. */
const FILLER = new Set([
  'must',
  'should',
  'be',
  'a',
  'an',
  'the',
  'to',
  'of',
  'for',
  'and',
  'or',
  'is',
  'are',
  'with',
  'which',
  'that',
  'it',
  'its',
  'in',
  'on',
  'by',
  'as',
  'at',
  'from',
  'have',
  'has',
  'offer',
  'support',
]);
const MAX_WORDS = 5;
const MAX_LENGTH = 64;

/** A criterion id from its text: its first few meaningful words, lower case, hyphenated. */
export function slugOf(text: string): string {
  const words = (text.split('\n')[0] ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((word) => !FILLER.has(word));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, MAX_WORDS);
  let slug = '';
  for (const word of chosen) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || (chosen[0] ?? '').slice(0, MAX_LENGTH);
}

/** Ids for a list of texts, in order: a repeated slug gets -2, -3, ...; an empty one is criterion-N. */
export function uniqueSlugs(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((text, index) => {
    const base = slugOf(text) || `criterion-${index + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, MAX_LENGTH - String(n).length - 1)}-${n}`;
    used.add(id);
    return id;
  });
}
