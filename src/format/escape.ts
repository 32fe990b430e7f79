import { terminalText } from './terminal-text.js';

// XML 1.0 allows tab, newline and carriage return among the controls; plainText already removed those.
// Noncharacters and lone surrogates are not allowed either (and are never meaningful in a report).
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Untrusted text reduced to one line of plain characters: no escape sequences, control characters,
 * bidirectional overrides, noncharacters or lone surrogates. Every format starts from this.
 */
export function plainText(text: string): string {
  return terminalText(text).replace(NOT_XML, '\uFFFD');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for XML or HTML content and attribute values (quoted with either quote). */
export function xmlText(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/**
 * Text for a markdown table cell or paragraph: `|` and the markdown metacharacters are backslash-escaped
 * (so a name cannot open a link, emphasis or code span), and `<`, `>`, `&` become entities so no HTML
 * tag survives a renderer that allows HTML.
 */
export function markdownText(text: string): string {
  return plainText(text)
    .replace(/[\\`*_{}[\]#|~]/g, (char) => `\\${char}`)
    .replace(/[&<>]/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Message text of a GitHub workflow command (after `::`): %, CR and LF are percent-encoded. */
export function githubMessage(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (`file=`, `title=`): also `:` and `,` are encoded. */
export function githubProperty(text: string): string {
  return githubMessage(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// Code points (flag u), so a character outside the BMP is encoded whole rather than as two halves.
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]/gu;

/**
 * An http(s) URL with every character that could end a markdown link or an HTML attribute
 * percent-encoded; undefined for any other scheme (a `javascript:` link must never be rendered).
 */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return plainText(url).replace(URL_SAFE, (char) =>
    char.charCodeAt(0) < 0x80
      ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : encodeURIComponent(char),
  );
}

// Characters JSON may carry raw that still reorder or hide text when the file is shown on a terminal.
const JSON_INVISIBLE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON whose strings parse back unchanged but show bidi and C1 controls as \u escapes. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    JSON_INVISIBLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
