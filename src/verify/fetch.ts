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

/** The URL as requested: the fragment never reaches the server. */
export function requestUrl(url: string | URL): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches URLs for one run: follows redirects itself so every hop goes through the client's address
 * check again, and requests each distinct (URL, kind of request) once however often it is asked for.
 */
export class Fetcher {
  private readonly hops = new Map<string, { response: Promise<HttpResponse>; withBody: boolean }>();
  requests = 0;

  /** `wantsBody` names the URLs whose text some check needs, wherever a redirect chain meets them. */
  constructor(
    private readonly client: HttpClient,
    private readonly limiter: RequestLimiter,
    private readonly wantsBody: (url: string) => boolean = () => false,
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
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { ok: false, url: url.href, reason: `refused: ${url.protocol} URL (only http and https are fetched)` };
      visited.add(requestUrl(url));
      let response: HttpResponse;
      try {
        response = await this.hop(url, options);
      } catch (error) {
        return { ok: false, url: url.href, reason: errorText(error) };
      }
      if (!REDIRECT_STATUSES.has(response.status)) return { ok: true, url: url.href, response };
      const location = response.headers.location;
      if (!location)
        return {
          ok: false,
          url: url.href,
          status: response.status,
          reason: `HTTP ${response.status} redirect without a Location`,
        };
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return {
          ok: false,
          url: url.href,
          status: response.status,
          reason: `HTTP ${response.status} redirect to an invalid URL`,
        };
      }
      if (visited.has(requestUrl(next)))
        return {
          ok: false,
          url: url.href,
          status: response.status,
          reason: `redirect loop back to ${requestUrl(next)}`,
        };
      if (redirects + 1 > MAX_REDIRECTS)
        return { ok: false, url: url.href, status: response.status, reason: `more than ${MAX_REDIRECTS} redirects` };
      url = next;
    }
  }

  private hop(url: URL, options: FetchOptions): Promise<HttpResponse> {
    const privileged =
      options.privileged && url.origin === options.privileged.origin ? options.privileged.headers : undefined;
    const target = new URL(requestUrl(url));
    const headers = { ...options.headers, ...privileged };
    const readBody = options.readBody || this.wantsBody(target.href);
    // Keyed by URL alone, so a URL is requested once whichever chain reaches it first; only a chain
    // that needs the text of a URL first fetched for its status alone fetches it again.
    const key = `${privileged ? 'auth' : 'anonymous'} ${target.href}`;
    const cached = this.hops.get(key);
    if (cached && (cached.withBody || !readBody)) return cached.response;
    const response = this.limiter
      .run(target.hostname, () => {
        this.requests++;
        return this.client.get(target, { headers, readBody });
      })
      .finally(this.onRequestDone);
    this.hops.set(key, { response, withBody: readBody });
    return response;
  }
}
