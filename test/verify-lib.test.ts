import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main as cliMain } from '../src/cli/main.js';
import { createHttpClient } from '../src/verify/client.js';
import type { HttpClient } from '../src/verify/http.js';
import { verifyFiles } from '../src/verify/verify-files.js';
import { slowHandler, startServer, type TestServer } from './helpers/verify-server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function client(connectionsPerOrigin = 16): Promise<HttpClient> {
  const created = await createHttpClient({
    timeoutMs: 5_000,
    deadlineMs: 15_000,
    connectionsPerOrigin,
    allowPrivateNetwork: true,
    userAgent: 'pgcheck-test',
  });
  cleanups.push(() => created.close());
  return created;
}

async function server(host: string, inFlight?: TestServer['inFlight']): Promise<TestServer> {
  const started = await startServer(host, slowHandler(150), inFlight);
  cleanups.push(() => started.close());
  return started;
}

/** A manifest citing `count` distinct pages on each server. */
async function manifest(origins: string[], count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pgcheck-verify-lib-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const urls = origins.flatMap((origin) =>
    Array.from({ length: count }, (_, index) => `    - ${origin}/page/${index}`),
  );
  const file = join(dir, 'many.yaml');
  await writeFile(
    file,
    `pgcheck: 1\nname: Many pages\ncategory: photo-management\nhosting:\n  sources:\n${urls.join('\n')}\n`,
  );
  return file;
}

test('no more than --per-host requests reach one host at once', async () => {
  const main = await server('127.0.0.1');
  const file = await manifest([main.origin], 10);
  // The agent would allow 16 connections: the limit seen is the verifier's own.
  const report = await verifyFiles([file], { client: await client(16), perHost: 2, concurrency: 16 });
  expect(report.summary).toMatchObject({ checks: 10, pass: 10 });
  expect(main.inFlight.max).toBe(2);
  expect(main.requests).toHaveLength(10);
});

test('no more than --concurrency requests are in flight over all hosts', async () => {
  const shared = { now: 0, max: 0 };
  const main = await server('127.0.0.1', shared);
  const other = await server('127.0.0.2', shared);
  const file = await manifest([main.origin, other.origin], 6);
  const progress: [number, number][] = [];
  const report = await verifyFiles([file], {
    client: await client(),
    perHost: 4,
    concurrency: 3,
    onProgress: (done, started) => progress.push([done, started]),
  });
  expect(report.summary).toMatchObject({ checks: 12, pass: 12 });
  expect(shared.max).toBe(3);
  expect(progress.at(-1)).toEqual([12, 12]);
});

describe('the progress line', () => {
  async function run(stderrIsTTY: boolean): Promise<string> {
    const main = await server('127.0.0.1');
    const file = await manifest([main.origin], 2);
    let stderr = '';
    const io: Io = {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY,
    };
    expect(await cliMain(['node', 'pgcheck', 'verify', file, '--allow-private-network'], io)).toBe(0);
    return stderr;
  }

  test('is drawn on stderr when it is a terminal, and erased at the end', async () => {
    const stderr = await run(true);
    expect(stderr).toContain('\r\u001b[Kverifying: 2/2 requests done');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  test('is not drawn when stderr is not a terminal', async () => {
    expect(await run(false)).toBe('');
  });
});

describe('the real client without --allow-private-network', () => {
  test.each([
    'http://127.0.0.1:PORT/page',
    'http://127.1:PORT/page',
    'http://0x7f000001:PORT/page',
    'http://[::ffff:127.0.0.1]:PORT/page',
    'http://localhost:PORT/page',
  ])('refuses %s before any request reaches the server', async (url) => {
    const main = await server('127.0.0.1');
    const guarded = await createHttpClient({
      timeoutMs: 5_000,
      deadlineMs: 15_000,
      connectionsPerOrigin: 4,
      allowPrivateNetwork: false,
      userAgent: 'pgcheck-test',
    });
    cleanups.push(() => guarded.close());
    await expect(
      guarded.get(new URL(url.replace('PORT', String(main.port))), { headers: {}, readBody: false }),
    ).rejects.toThrow(/^refused: .* not a public address/);
    expect(main.requests).toEqual([]);
  });
});
