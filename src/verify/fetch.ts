import { errorText } from './body.js';
import type { HttpClient, HttpResponse } from './http.js';
import type { RequestLimiter } from './limiter.js';

export const MAX_REDIRECTS = 5;

export type FetchOutcome =
  | { ok: true; url: string; response: HttpResponse }
  | { ok: false; url: string; reason: string; status?: number };

export interface FetchOptions {
  readBody: boolean;
  headers?: Record<string, string>;
  /** Headers sent only to hops on this origin (credentials): never to another origin, even after a redirect. */
  privileged?: { origin: string; headers: Record<string, string> };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches URLs for one run: follows redirects itself so every hop goes through the client's address
 * check again, and requests each distinct (URL, kind of request) once however often it is asked for.
 */
export class Fetcher {
  private readonly hops = new Map<string, Promise<HttpResponse>>();
  requests = 0;

  constructor(
    private readonly client: HttpClient,
    private readonly limiter: RequestLimiter,
    private readonly onRequestDone: () => void = () => undefined,
  ) {}

  async fetch(start: string, options: FetchOptions): Promise<FetchOutcome> {
    const visited = new Set<string>();
    let url: URL;
    try {
      url = new URL(start);
    } catch {
      return { ok: false, url: start, reason: 'not a valid URL' };
    }
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, url: url.href, reason: `refused: ${url.protocol} URL (only http and https are fetched)` };
      visited.add(url.href);
      let response: HttpResponse;
      try {
        response = await this.hop(url, options);
      } catch (error) {
        return { ok: false, url: url.href, reason: errorText(error) };
      }
      if (!REDIRECT_STATUSES.has(response.status)) return { ok: true, url: url.href, response };
      const location = response.headers.location;
      if (!location) return { ok: false, url: url.href, status: response.status, reason: `HTTP ${response.status} redirect without a Location` };
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return { ok: false, url: url.href, status: response.status, reason: `HTTP ${response.status} redirect to an invalid URL` };
      }
      next.hash = '';
      if (visited.has(next.href)) return { ok: false, url: url.href, status: response.status, reason: `redirect loop back to ${next.href}` };
      if (redirects + 1 > MAX_REDIRECTS) return { ok: false, url: url.href, status: response.status, reason: `more than ${MAX_REDIRECTS} redirects` };
      url = next;
    }
  }

  private hop(url: URL, options: FetchOptions): Promise<HttpResponse> {
    const privileged = options.privileged && url.origin === options.privileged.origin ? options.privileged.headers : undefined;
    const target = new URL(url.href);
    target.hash = '';
    const headers = { ...options.headers, ...privileged };
    const key = `${options.readBody ? 'body' : 'status'}${privileged ? '+auth' : ''} ${target.href}`;
    let pending = this.hops.get(key);
    if (!pending) {
      pending = this.limiter
        .run(target.hostname, () => {
          this.requests++;
          return this.client.get(target, { headers, readBody: options.readBody });
        })
        .finally(this.onRequestDone);
      this.hops.set(key, pending);
    }
    return pending;
  }
}
