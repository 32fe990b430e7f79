import type { Token, Tokens } from 'marked';
import { parse } from 'yaml';
import type { Level } from '../schema/criteria.js';
import type { Lex, LexedPage } from './markdown.js';
import { plainText } from './plain-text.js';

/** One bullet of a criteria section, as the page states it. */
export interface UpstreamBullet {
  /** The bullet's text as plain text; nested bullets follow on lines of their own, as `- child`. */
  text: string;
  level: Level;
  /** False when the page gives no tier for the bullet and the level was read from its wording. */
  tiered: boolean;
  /** The themed subsection (`### Technology`) the bullet is under, if any. */
  theme?: string;
  /** The sentence that introduces the bullet's list (`Must not do any of the following:`), if any. */
  lead?: string;
  line: number;
}

export interface CriteriaSection {
  /** The heading the section belongs to (a sub-category), or the page title, or `Criteria`. */
  name: string;
  line: number;
  bullets: UpstreamBullet[];
}

export interface CriteriaPage {
  title?: string;
  sections: CriteriaSection[];
}

const CRITERIA_HEADING = /^(our )?criteria$/i;
const MINIMUM_TIER = /^minimum (requirements|qualifications|to qualify|criteria)$/;
const BEST_CASE_TIER = /^best[- ]?case( criteria)?$/;
/** Containers written as HTML (admonitions, collapsible blocks): nothing inside one is a criterion. */
const CONTAINER_OPEN = /<(div|details|aside|section)\b/gi;
const CONTAINER_CLOSE = /<\/(div|details|aside|section)\s*>/gi;

/** Reads every criteria section of a page written in the site's markdown. Pure: the lexer is passed in. */
export function readCriteriaPage(markdown: string, lex: Lex, maxLine = 10_000): CriteriaPage {
  const { body, title, lines } = splitFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  // Front matter names the page; without it, its first top-level heading does.
  let pageTitle = title;
  checkShape(body, lines, maxLine);
  const lexed = lex(body);
  const text = (raw: string) => inlineText(lexed, raw);
  const tokens = withLines(lexed.blocks, lines + 1);
  const sections: CriteriaSection[] = [];
  const headings: { depth: number; text: string }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const { token, line } = tokens[index]!;
    if (token.type !== 'heading') continue;
    const heading = text(token.text);
    if (token.depth === 1) pageTitle ??= heading;
    if (!CRITERIA_HEADING.test(heading)) {
      headings.push({ depth: token.depth, text: heading });
      continue;
    }
    const parent = [...headings].reverse().find((heading) => heading.depth < token.depth && heading.depth > 1);
    const end = tokens.findIndex(
      (next, at) => at > index && next.token.type === 'heading' && (next.token as Tokens.Heading).depth <= token.depth,
    );
    const content = tokens.slice(index + 1, end === -1 ? tokens.length : end);
    sections.push({
      name: parent?.text ?? pageTitle ?? 'Criteria',
      line,
      bullets: sectionBullets(content, token.depth, text),
    });
  }
  if (sections.length === 0) {
    const lead = leadSection(tokens, pageTitle, text);
    if (lead) sections.push(lead);
  }
  return pageTitle === undefined ? { sections } : { title: pageTitle, sections };
}

/**
 * A page with no Criteria heading may give its criteria as its opening list, before any section
 * heading (the site's General Criteria page does): that list, named after the page, or nothing.
 */
function leadSection(tokens: Placed[], pageTitle: string | undefined, text: InlineText): CriteriaSection | undefined {
  const end = tokens.findIndex(({ token }) => token.type === 'heading' && (token as Tokens.Heading).depth > 1);
  const opening = tokens.slice(0, end === -1 ? tokens.length : end);
  const bullets = sectionBullets(opening, 1, text);
  if (bullets.length === 0) return undefined;
  return { name: pageTitle ?? 'Criteria', line: bullets[0]!.line, bullets };
}

interface Placed {
  token: Token;
  line: number;
}

/** Each top-level token with the line it starts on (marked's tokens keep their raw text, in order). */
function withLines(tokens: Token[], firstLine: number): Placed[] {
  let line = firstLine;
  return tokens.map((token) => {
    const placed = { token, line: line + leadingNewlines(token.raw) };
    line += newlines(token.raw);
    return placed;
  });
}

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function leadingNewlines(text: string): number {
  return text.length - text.replace(/^\n+/, '').length;
}

type InlineText = (raw: string) => string;

function sectionBullets(content: Placed[], depth: number, inline: InlineText): UpstreamBullet[] {
  const bullets: UpstreamBullet[] = [];
  let tier: Level | undefined;
  let theme: string | undefined;
  let containers = 0;
  let lead: string | undefined;
  for (const { token, line } of content) {
    const previousLead = lead;
    if (token.type !== 'space') lead = undefined;
    if (token.type === 'html') {
      containers = Math.max(0, containers + count(token.raw, CONTAINER_OPEN) - count(token.raw, CONTAINER_CLOSE));
      continue;
    }
    if (containers > 0) continue;
    if (token.type === 'heading' && token.depth > depth) {
      const text = inline(token.text);
      tier = tierOf(text);
      if (tier === undefined) theme = text;
    } else if (token.type === 'paragraph') {
      // A bold line such as **Minimum to Qualify:** starts a tier; any other paragraph is prose,
      // though one ending in a colon or an ellipsis introduces the list after it.
      const text = inline(token.text);
      const starts = tierOf(text);
      tier = starts ?? tier;
      if (!starts && /(:|\.\.\.|\u2026)$/.test(text)) lead = text;
    } else if (token.type === 'list') {
      bullets.push(...listBullets(token as Tokens.List, line, { tier, theme, lead: previousLead }, inline));
    }
  }
  return bullets;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function tierOf(text: string): Level | undefined {
  const name = text
    .toLowerCase()
    .replace(/[:\s]+$/, '')
    .replace(/\s+/g, ' ');
  if (MINIMUM_TIER.test(name)) return 'minimum';
  if (BEST_CASE_TIER.test(name)) return 'best-case';
  return undefined;
}

interface ListContext {
  tier: Level | undefined;
  theme: string | undefined;
  lead: string | undefined;
}

function listBullets(
  list: Tokens.List,
  firstLine: number,
  { tier, theme, lead }: ListContext,
  inline: InlineText,
): UpstreamBullet[] {
  let line = firstLine;
  return list.items.flatMap((item) => {
    const at = line;
    line += newlines(item.raw);
    const text = itemText(item, 0, inline);
    if (!text) return [];
    // With no tier on the page, "Should ..." reads as best case and anything else as a requirement.
    const level = tier ?? (/^should\b/i.test(text) ? 'best-case' : 'minimum');
    const bullet: UpstreamBullet = { text, level, tiered: tier !== undefined, line: at };
    if (theme !== undefined) bullet.theme = theme;
    if (lead !== undefined) bullet.lead = lead;
    return [bullet];
  });
}

/** A bullet's own text, then each nested bullet on a line of its own (`- child`, indented per level). */
function itemText(item: Tokens.ListItem, depth: number, inline: InlineText): string {
  const own = item.tokens
    .filter((token) => token.type === 'text' || token.type === 'paragraph')
    .map((token) => inline((token as Tokens.Text).text))
    .filter(Boolean)
    .join(' ');
  const nested = item.tokens
    .filter((token): token is Tokens.List => token.type === 'list')
    .flatMap((list) => list.items.map((child) => itemText(child, depth + 1, inline)))
    .filter(Boolean)
    .map((text) => `${'  '.repeat(depth)}- ${text}`);
  return [own, ...nested].filter(Boolean).join('\n');
}

/** Longer than any criterion's text may be: not lexed inline, only tidied. */
const MAX_INLINE = 4000;
/**
 * marked's inline pass slows down with the number of emphasis, bracket and code markers in a text
 * (a few thousand take seconds). Real bullets have a handful; a text with more than this many is
 * hostile and is reduced by a plain rule instead.
 */
const MAX_INLINE_MARKERS = 64;
const INLINE_MARKERS = /[*_[\]`<]/g;

function inlineText(lexed: LexedPage, raw: string): string {
  if (raw.length > MAX_INLINE || (raw.match(INLINE_MARKERS)?.length ?? 0) > MAX_INLINE_MARKERS) {
    return raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return plainText(lexed.inline(raw));
}

/** Deeper than any criteria page nests its lists and quotes; marked's block pass slows down past it. */
export const MAX_NESTING = 32;

/** A page pgcheck will not read, and the line that shows why. */
export class PageShapeError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

/**
 * Refuses pages whose shape would make lexing slow (marked's block pass is quadratic in nesting
 * and in very long lines): a line longer than `maxLine`, or lists and quotes nested past MAX_NESTING.
 */
function checkShape(body: string, firstLine: number, maxLine: number): void {
  let line = firstLine;
  for (const text of body.split('\n')) {
    line++;
    if (text.length > maxLine)
      throw new PageShapeError(
        line,
        `line of ${text.length} characters, over the ${maxLine} limit (--max-string-length)`,
      );
    const markers = CONTAINER_MARKERS.exec(text)?.[0] ?? '';
    const indent = /^[ \t]*/.exec(text)?.[0].replace(/\t/g, '    ').length ?? 0;
    const depth = (markers.match(/>|[-*+]|\d[.)]/g)?.length ?? 0) + Math.floor(indent / 2);
    if (depth > MAX_NESTING) throw new PageShapeError(line, `lists or quotes nested more than ${MAX_NESTING} deep`);
  }
}

/** YAML front matter (`---` ... `---`) holds the page title; marked would read it as a heading. */
function splitFrontMatter(markdown: string): { body: string; title?: string; lines: number } {
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(markdown);
  if (!match) return { body: markdown, lines: 0 };
  const body = markdown.slice(match[0].length);
  const lines = newlines(match[0]);
  let meta: unknown;
  try {
    meta = parse(match[1] ?? '', { maxAliasCount: 0 });
  } catch {
    return { body, lines };
  }
  const title = (meta as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title.trim() ? { body, title: title.trim(), lines } : { body, lines };
}
