import { decodeYamlBytes } from '../load/decode.js';
import type { Limits } from '../load/limits.js';
import type { Problem } from '../load/problem.js';
import { readText, sizeText } from '../load/read-file.js';
import { Fetcher } from '../verify/fetch.js';
import type { HttpClient } from '../verify/http.js';
import { RequestLimiter } from '../verify/limiter.js';

export type PageRead = { ok: true; text: string; name: string; url?: string } | { ok: false; problem: Problem };

export interface PageSources {
  limits: Partial<Limits>;
  /** The client `verify` uses (same limits and private-address guard), made only when a URL is given. */
  client: () => Promise<HttpClient>;
  /** Standard input, for `-`. */
  stdin: () => AsyncIterable<Uint8Array>;
}

export function isUrl(reference: string): boolean {
  return /^https?:\/\//i.test(reference);
}

/** Reads a page from a file, an http(s) URL or `-` (standard input); a failure is a problem, not an exception. */
export async function readPage(reference: string, sources: PageSources): Promise<PageRead> {
  if (isUrl(reference)) return fetchPage(reference, sources);
  if (reference === '-')
    return decoded('<stdin>', await readCapped(sources.stdin(), sources.limits.maxFileBytes ?? DEFAULT_MAX));
  const read = await readText(reference, sources.limits);
  if ('problem' in read)
    return {
      ok: false,
      problem: { ...read.problem, message: read.problem.message.replace('YAML text', 'markdown text') },
    };
  return { ok: true, text: read.text, name: reference };
}

const DEFAULT_MAX = 1024 * 1024;

async function fetchPage(url: string, sources: PageSources): Promise<PageRead> {
  const client = await sources.client();
  try {
    const outcome = await new Fetcher(client, new RequestLimiter(1, 1)).fetch(url, {
      readBody: true,
      headers: { accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' },
    });
    const fail = (message: string): PageRead => ({ ok: false, problem: { file: url, line: 1, column: 1, message } });
    if (!outcome.ok) return fail(`cannot fetch the page: ${outcome.reason}`);
    const { status, truncated, body } = outcome.response;
    if (status < 200 || status > 299) return fail(`cannot fetch the page: HTTP ${status}`);
    if (truncated)
      return fail('the page is larger than pgcheck reads from any response; download it and give the file');
    const read = decoded(url, body);
    return read.ok ? { ...read, url: outcome.url } : read;
  } finally {
    await client.close();
  }
}

async function readCapped(chunks: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array | string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) return `standard input is over the ${sizeText(max)} limit (raise it with --max-file-size)`;
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function decoded(name: string, bytes: Uint8Array | string): PageRead {
  if (typeof bytes === 'string') return { ok: false, problem: { file: name, line: 1, column: 1, message: bytes } };
  const text = decodeYamlBytes(bytes);
  if ('error' in text)
    return {
      ok: false,
      problem: { file: name, ...text.position, message: text.error.replace('YAML text', 'markdown text') },
    };
  return { ok: true, text: text.text.charCodeAt(0) === 0xfeff ? text.text.slice(1) : text.text, name };
}
