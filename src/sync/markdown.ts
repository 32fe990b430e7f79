import { createRequire } from 'node:module';
import type { Token } from 'marked';

/**
 * marked's two passes, kept apart: block structure for the whole page, inline markup only for the
 * short texts pgcheck keeps (bullets, headings). marked's inline pass can take quadratic time on
 * hostile text (a megabyte of `*a` takes minutes), so it never sees more than a bullet at a time.
 */
export interface LexedPage {
  blocks: Token[];
  /** Inline tokens of a text from the page (link references resolve against the page's definitions). */
  inline(text: string): Token[];
}

export type Lex = (markdown: string) => LexedPage;

/**
 * marked is loaded here, on demand, by the commands that read pages (`criteria import`, `criteria
 * drift`): nothing on `evaluate`'s path imports this module, so start-up never pays for it. It is
 * required (Node >= 20.19 requires ES modules) rather than imported, because the bundled CLI runs
 * as a script that has no dynamic-import hook; the bundle leaves marked out (scripts/bundle.js).
 */
export async function loadLexer(): Promise<Lex> {
  const { Lexer } = createRequire(import.meta.url)('marked') as typeof import('marked');
  return (markdown) => {
    const lexer = new Lexer({ gfm: true });
    return { blocks: lexer.blockTokens(markdown, lexer.tokens), inline: (text) => lexer.inlineTokens(text) };
  };
}
