const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  shy: '',
  zwnj: '',
  zwj: '',
  middot: '·',
  bull: '•',
};

const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML page: scripts, styles, comments and tags removed, entities decoded. */
export function htmlToText(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  // Block elements separate words; inline ones (<b>, <a>, <span>) may sit inside a word.
  const withoutTags = withoutCode.replace(/<\/?([a-z][a-z0-9-]*)?[^>]*>/gi, (_tag, name: string | undefined) =>
    name !== undefined && INLINE_ELEMENTS.has(name.toLowerCase()) ? '' : ' ',
  );
  return decodeEntities(withoutTags);
}

/**
 * Text as compared for quotes: Unicode NFKC, typographic quotes and dashes as plain ones, every run of
 * whitespace as one space. Case is kept: a quote is meant word for word.
 */
export function normalizeForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a fetched page contains `quote`; HTML is compared by its text, anything else as it is. */
export function pageContainsQuote(body: Buffer, contentType: string | undefined, quote: string): boolean {
  const raw = new TextDecoder('utf-8').decode(body);
  const isHtml = /html|xml/i.test(contentType ?? '') || /^\s*</.test(raw);
  const text = isHtml ? htmlToText(raw) : raw;
  return normalizeForQuote(text).includes(normalizeForQuote(quote));
}
