import { describe, expect, test } from 'vitest';
import { Fetcher } from '../src/verify/fetch.js';
import { checkLiteralHost } from '../src/verify/guard.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../src/verify/http.js';
import { RequestLimiter } from '../src/verify/limiter.js';

/**
 * A client that answers from a table and records each request; it connects nowhere. Like the real
 * client it refuses non-public IP literals unless the table lists the host as allowed.
 */
function fakeClient(routes: Record<string, { status: number; location?: string }>, allowedHosts: string[]) {
  const requests: { url: string; request: HttpRequest }[] = [];
  const client: HttpClient = {
    get: async (url: URL, request: HttpRequest): Promise<HttpResponse> => {
      if (!allowedHosts.includes(url.host)) checkLiteralHost(url);
      requests.push({ url: url.href, request });
      const route = routes[url.href] ?? { status: 404 };
      return {
        status: route.status,
        headers: route.location ? { location: route.location } : {},
        body: Buffer.alloc(0),
        truncated: false,
      };
    },
    close: async () => undefined,
  };
  return { client, requests };
}

const A = 'http://127.0.0.1:1';
const B = 'http://127.0.0.2:1';

describe('Fetcher', () => {
  test('each redirect hop is a request of its own, so the address guard sees every hop', async () => {
    const { client, requests } = fakeClient(
      { [`${A}/start`]: { status: 302, location: 'http://127.0.0.3:1/inside' } },
      ['127.0.0.1:1'],
    );
    const outcome = await new Fetcher(client, new RequestLimiter(4, 4)).fetch(`${A}/start`, { readBody: false });
    expect(outcome).toEqual({
      ok: false,
      url: 'http://127.0.0.3:1/inside',
      reason: expect.stringMatching(/^refused: 127\.0\.0\.3 is not a public address/),
    });
    expect(requests.map((r) => r.url)).toEqual([`${A}/start`]);
  });

  test('privileged headers go only to their origin, also along a redirect chain', async () => {
    const { client, requests } = fakeClient(
      {
        [`${A}/repos/x/y`]: { status: 301, location: `${B}/repos/x/y` },
        [`${B}/repos/x/y`]: { status: 302, location: `${A}/final` },
        [`${A}/final`]: { status: 200 },
      },
      ['127.0.0.1:1', '127.0.0.2:1'],
    );
    const fetcher = new Fetcher(client, new RequestLimiter(4, 4));
    const outcome = await fetcher.fetch(`${A}/repos/x/y`, {
      readBody: true,
      headers: { accept: 'application/json' },
      privileged: { origin: A, headers: { authorization: 'Bearer t' } },
    });
    expect(outcome.ok).toBe(true);
    expect(requests.map((r) => [r.url, r.request.headers])).toEqual([
      [`${A}/repos/x/y`, { accept: 'application/json', authorization: 'Bearer t' }],
      [`${B}/repos/x/y`, { accept: 'application/json' }],
      [`${A}/final`, { accept: 'application/json', authorization: 'Bearer t' }],
    ]);
  });

  test('loops, long chains and non-http schemes stop the chain', async () => {
    const chain = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`${A}/c${i}`, { status: 307, location: `/c${i + 1}` }]),
    );
    const { client, requests } = fakeClient(
      {
        ...chain,
        [`${A}/loop`]: { status: 308, location: `${A}/loop#again` },
        [`${A}/ftp`]: { status: 302, location: 'ftp://127.0.0.1/x' },
        [`${A}/nowhere`]: { status: 302 },
      },
      ['127.0.0.1:1'],
    );
    const fetcher = new Fetcher(client, new RequestLimiter(4, 4));
    expect(await fetcher.fetch(`${A}/loop`, { readBody: false })).toMatchObject({
      ok: false,
      reason: `redirect loop back to ${A}/loop`,
    });
    expect(await fetcher.fetch(`${A}/c0`, { readBody: false })).toMatchObject({
      ok: false,
      reason: 'more than 5 redirects',
      url: `${A}/c5`,
    });
    expect(await fetcher.fetch(`${A}/ftp`, { readBody: false })).toMatchObject({
      ok: false,
      reason: 'refused: ftp: URL (only http and https are fetched)',
    });
    expect(await fetcher.fetch(`${A}/nowhere`, { readBody: false })).toMatchObject({
      ok: false,
      reason: 'HTTP 302 redirect without a Location',
    });
    expect(requests.filter((r) => r.url.includes('/c')).map((r) => r.url)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `${A}/c${i}`),
    );
  });

  test('a URL is requested once, however often and from wherever it is asked for', async () => {
    const { client, requests } = fakeClient(
      { [`${A}/r`]: { status: 302, location: `${A}/page` }, [`${A}/page`]: { status: 200 } },
      ['127.0.0.1:1'],
    );
    const fetcher = new Fetcher(client, new RequestLimiter(4, 4), (url) => url === `${A}/page`);
    await Promise.all([
      fetcher.fetch(`${A}/page`, { readBody: false }),
      fetcher.fetch(`${A}/r`, { readBody: false }),
      fetcher.fetch(`${A}/page#x`, { readBody: false }),
    ]);
    expect(requests.map((r) => [r.url, r.request.readBody])).toEqual([
      [`${A}/page`, true],
      [`${A}/r`, false],
    ]);
  });
});
