// Only `pgcheck verify` loads this module (by dynamic import), so other commands never load undici.
import type { Readable } from 'node:stream';
import { Agent, errors, request } from 'undici';
import { ACCEPTED_ENCODINGS, errorText, readCapped } from './body.js';
import { blockedCause, checkLiteralHost, publicOnlyLookup } from './guard.js';
import { type HttpClient, type HttpRequest, type HttpResponse, MAX_BODY_BYTES } from './http.js';

export interface UndiciClientOptions {
  /** Connect, response-headers and body-idle timeout, in milliseconds. */
  timeoutMs: number;
  /** Everything one request may take, body included, in milliseconds (a slow drip cannot hang). */
  deadlineMs: number;
  /** Connections kept per origin. */
  connectionsPerOrigin: number;
  /** Also reach loopback, private and other non-public addresses. */
  allowPrivateNetwork: boolean;
  userAgent: string;
  maxBodyBytes?: number;
}

/** The HTTP client `verify` uses: one keep-alive undici Agent shared by every request of a run. */
export function createUndiciClient(options: UndiciClientOptions): HttpClient {
  const agent = new Agent({
    connections: options.connectionsPerOrigin,
    keepAliveTimeout: 4_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: {
      timeout: options.timeoutMs,
      ...(options.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
    },
  });
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return {
    get: async (url, httpRequest) => {
      try {
        if (!options.allowPrivateNetwork) checkLiteralHost(url);
        return await exchange(agent, url, httpRequest, options, limit);
      } catch (error) {
        throw new Error(describeFailure(error, options), { cause: error });
      }
    },
    // Destroyed, not closed: requests given up on (no network) must not keep the run waiting.
    close: () => agent.destroy(),
  };
}

async function exchange(
  agent: Agent,
  url: URL,
  httpRequest: HttpRequest,
  options: UndiciClientOptions,
  limit: number,
): Promise<HttpResponse> {
  const response = await request(url, {
    method: 'GET',
    dispatcher: agent,
    signal: AbortSignal.timeout(options.deadlineMs),
    headers: { 'user-agent': options.userAgent, 'accept-encoding': ACCEPTED_ENCODINGS, ...httpRequest.headers },
  });
  const headers = flattenHeaders(response.headers);
  const body = response.body as unknown as Readable;
  if (!httpRequest.readBody) {
    discard(body);
    return { status: response.statusCode, headers, body: Buffer.alloc(0), truncated: false };
  }
  const read = await readCapped(body, headers['content-encoding'], limit);
  return { status: response.statusCode, headers, ...read };
}

/** Drops a body unread. Destroying it makes undici emit an abort error nobody else listens for. */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw))
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function describeFailure(error: unknown, options: UndiciClientOptions): string {
  const seconds = (ms: number) => `${ms / 1000}s`;
  const blocked = blockedCause(error);
  if (blocked) return blocked.message;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof errors.ConnectTimeoutError) return `could not connect within ${seconds(options.timeoutMs)}`;
    if (current instanceof errors.HeadersTimeoutError)
      return `no response headers within ${seconds(options.timeoutMs)}`;
    if (current instanceof errors.BodyTimeoutError) return `the body stalled for ${seconds(options.timeoutMs)}`;
    if (current.name === 'TimeoutError') return `no complete answer within ${seconds(options.deadlineMs)}`;
  }
  return errorText(error);
}
