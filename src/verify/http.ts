/** One HTTP exchange, without following redirects: what the verifier needs from the network. */
export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The body, decompressed, as far as it was read (nothing when the body was not wanted). */
  body: Buffer;
  /** The body was longer than the cap and only its start was read. */
  truncated: boolean;
}

export interface HttpRequest {
  headers: Record<string, string>;
  /** False when only the status matters: the body is then discarded unread. */
  readBody: boolean;
}

/**
 * The verifier's way to the network, passed in so tests and embedders choose it. `get` rejects with
 * an Error whose message says what went wrong (timeout, refused address, ...), never hangs.
 */
export interface HttpClient {
  get(url: URL, request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** At most this much body is read from any response, after decompression. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
