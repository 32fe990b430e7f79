import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The content codings we decompress; what we send as accept-encoding. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

function decompressor(contentEncoding: string | undefined): Transform | undefined {
  const coding = (contentEncoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return undefined;
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'deflate') return createInflate();
  if (coding === 'br') return createBrotliDecompress();
  throw new Error(`unsupported content-encoding "${coding.slice(0, 40)}"`);
}

/**
 * Reads a response body, decompressed, up to `limit` bytes of decompressed content; the rest is never
 * read (a decompression bomb inflates only as far as the cap). Always destroys the body.
 */
export async function readCapped(
  body: Readable,
  contentEncoding: string | undefined,
  limit: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  let decoder: Transform | undefined;
  try {
    decoder = decompressor(contentEncoding);
    const source: Readable = decoder ? pipeline(body, decoder, () => undefined) : body;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const room = limit - size;
      if (chunk.length > room) {
        // Only a byte beyond the cap makes the body truncated: a body of exactly `limit` bytes is whole.
        chunks.push(chunk.subarray(0, room));
        size = limit;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    throw new Error(`${decoder ? 'cannot decompress or read' : 'cannot read'} the body: ${errorText(error)}`, {
      cause: error,
    });
  } finally {
    // Stopping early aborts the body: undici then emits an error that must not go unheard.
    body.on('error', () => undefined);
    decoder?.destroy();
    body.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated };
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
