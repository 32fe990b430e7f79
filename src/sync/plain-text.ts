import type { Token } from 'marked';

/**
 * Inline markdown reduced to what a reader sees: links become their text, emphasis and code markers
 * go, footnote references and attribute lists (`{ .class }`) are removed, and white space is collapsed.
 */
export function plainText(tokens: readonly Token[] | undefined): string {
  return tidy(inline(tokens ?? []));
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'link':
      // A footnote reference whose definition marked took for a link definition: `[^1]`.
      return token.text.startsWith('^') ? FOOTNOTE : inline(token.tokens ?? []);
    case 'image':
    case 'html':
    case 'br':
      return token.type === 'br' ? ' ' : '';
    case 'codespan':
      return decodeEntities(token.text);
    case 'text':
    case 'escape':
      return 'tokens' in token && token.tokens ? inline(token.tokens) : decodeEntities(token.text);
    default:
      return 'tokens' in token && Array.isArray(token.tokens)
        ? inline(token.tokens)
        : 'text' in token
          ? decodeEntities(String(token.text))
          : '';
  }
}

/** Marks where a footnote reference was, so the space before it goes too. */
const FOOTNOTE = '\u0000';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** marked escapes `&`, `<`, `>` and quotes in text; the criteria text wants the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

function tidy(text: string): string {
  return text
    .replace(/\s*(?:\[\^[^\]\s]+\]|\u0000)/g, '')
    .replace(/\s*\{\s*[.#:][^{}]*\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
