import type { HttpClient } from './http.js';
import type { UndiciClientOptions } from './undici-client.js';

export type HttpClientOptions = UndiciClientOptions;

/** The real HTTP client (undici), imported on demand so that loading pgcheck never loads undici. */
export async function createHttpClient(options: HttpClientOptions): Promise<HttpClient> {
  const { createUndiciClient } = await import('./undici-client.js');
  return createUndiciClient(options);
}
