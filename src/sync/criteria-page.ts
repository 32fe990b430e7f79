import type { Token, Tokens } from 'marked';
import { parse } from 'yaml';
import type { Level } from '../schema/criteria.js';
import type { Lex } from './markdown.js';
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
export function readCriteriaPage(markdown: string, lex: Lex): CriteriaPage {
  const { body, title, lines } = splitFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  // Front matter names the page; without it, its first top-level heading does.
  let pageTitle = title;
  const tokens = withLines(lex(body), lines + 1);
  const sections: CriteriaSection[] = [];
  const headings: { depth: number; text: string }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const { token, line } = tokens[index]!;
    if (token.type !== 'heading') continue;
    const text = plainText(token.tokens);
    if (token.depth === 1) pageTitle ??= text;
    if (!CRITERIA_HEADING.test(text)) {
      headings.push({ depth: token.depth, text });
      continue;
    }
    const parent = [...headings].reverse().find((heading) => heading.depth < token.depth && heading.depth > 1);
    const end = tokens.findIndex((next, at) => at > index && next.token.type === 'heading' && (next.token as Tokens.Heading).depth <= token.depth);
    const content = tokens.slice(index + 1, end === -1 ? tokens.length : end);
    sections.push({ name: parent?.text ?? pageTitle ?? 'Criteria', line, bullets: sectionBullets(content, token.depth) });
  }
  return pageTitle === undefined ? { sections } : { title: pageTitle, sections };
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

function sectionBullets(content: Placed[], depth: number): UpstreamBullet[] {
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
      const text = plainText(token.tokens);
      tier = tierOf(text);
      if (tier === undefined) theme = text;
    } else if (token.type === 'paragraph') {
      // A bold line such as **Minimum to Qualify:** starts a tier; any other paragraph is prose,
      // though one ending in a colon or an ellipsis introduces the list after it.
      const text = plainText(token.tokens);
      const starts = tierOf(text);
      tier = starts ?? tier;
      if (!starts && /(:|\.\.\.|\u2026)$/.test(text)) lead = text;
    } else if (token.type === 'list') {
      bullets.push(...listBullets(token as Tokens.List, line, { tier, theme, lead: previousLead }));
    }
  }
  return bullets;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function tierOf(text: string): Level | undefined {
  const name = text.toLowerCase().replace(/[:\s]+$/, '').replace(/\s+/g, ' ');
  if (MINIMUM_TIER.test(name)) return 'minimum';
  if (BEST_CASE_TIER.test(name)) return 'best-case';
  return undefined;
}

interface ListContext {
  tier: Level | undefined;
  theme: string | undefined;
  lead: string | undefined;
}

function listBullets(list: Tokens.List, firstLine: number, { tier, theme, lead }: ListContext): UpstreamBullet[] {
  let line = firstLine;
  return list.items.flatMap((item) => {
    const at = line;
    line += newlines(item.raw);
    const text = itemText(item, 0);
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
function itemText(item: Tokens.ListItem, depth: number): string {
  const own = item.tokens
    .filter((token) => token.type === 'text' || token.type === 'paragraph')
    .map((token) => plainText((token as Tokens.Text).tokens ?? [token]))
    .filter(Boolean)
    .join(' ');
  const nested = item.tokens
    .filter((token): token is Tokens.List => token.type === 'list')
    .flatMap((list) => list.items.map((child) => itemText(child, depth + 1)))
    .filter(Boolean)
    .map((text) => `${'  '.repeat(depth)}- ${text}`);
  return [own, ...nested].filter(Boolean).join('\n');
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
