import { createRequire } from 'node:module';
import type { Token } from 'marked';

/** Splits markdown into marked's tokens (GitHub-flavoured), as criteria pages are written. */
export type Lex = (markdown: string) => Token[];

/**
 * marked is loaded here, on demand, by the commands that read pages (`criteria import`, `criteria
 * drift`): nothing on `evaluate`'s path imports this module, so start-up never pays for it. It is
 * required (Node >= 20.19 requires ES modules) rather than imported, because the bundled CLI runs
 * as a script that has no dynamic-import hook; the bundle leaves marked out (scripts/bundle.js).
 */
export async function loadLexer(): Promise<Lex> {
  const { Lexer } = createRequire(import.meta.url)('marked') as typeof import('marked');
  return (markdown) => new Lexer({ gfm: true }).lex(markdown);
}
