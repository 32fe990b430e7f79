import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** One request as a test server saw it. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface TestServer {
  /** http://HOST:PORT, no trailing slash. */
  origin: string;
  port: number;
  requests: SeenRequest[];
  /** How often each path was requested. */
  count(path: string): number;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

type Handler = (path: string, response: ServerResponse, server: TestServer) => void;

const DAY = 24 * 60 * 60 * 1000;
const QUOTED_PAGE = `<!doctype html><html><head><title>Security</title><style>p { color: red }</style>
<script>var hidden = "Photos are end-to-end encrypted";</script></head>
<body><h1>Security</h1><p>Your photos are <b>end-to-end</b>
   encrypted&nbsp;&amp; only you hold the keys.</p></body></html>`;
const PLAIN_PAGE = '<!doctype html><html><body><p>A page about something else.</p></body></html>';
// 64 MiB of zeros compress to about 64 KiB: a decompression bomb for a 2 MiB cap. Made once, up
// front, as 64 gzip members of 1 MiB each (a gzip stream may hold several, decompressed one after
// the other): compressing 64 MiB at once blocks the event loop for seconds on a loaded machine.
let bomb: Buffer | undefined;

function repository(archived: boolean, spdxId: string | null, pushedDaysAgo: number): string {
  return JSON.stringify({
    full_name: 'acme/x',
    archived,
    license: spdxId === null ? null : { key: 'x', spdx_id: spdxId },
    pushed_at: new Date(Date.now() - pushedDaysAgo * DAY).toISOString(),
  });
}

const API_REPOSITORIES: Readonly<Record<string, string>> = {
  ok: repository(false, 'AGPL-3.0', 3),
  gpl: repository(false, 'GPL-3.0', 10),
  archived: repository(true, 'MIT', 30),
  mismatch: repository(false, 'MIT', 5),
  stale: repository(false, 'AGPL-3.0', 3 * 365),
  noassertion: repository(false, 'NOASSERTION', 5),
};

/** The main server: pages, a GitHub-like API under /repos/, and hostile endpoints. `other` is the second host. */
function mainHandler(other: () => string): Handler {
  return (path, response) => {
    const send = (
      status: number,
      body: string,
      type = 'text/html; charset=utf-8',
      extra: Record<string, string> = {},
    ) => {
      response.writeHead(status, { 'content-type': type, ...extra });
      response.end(body);
    };
    const redirect = (location: string, status = 302) => send(status, '', 'text/plain', { location });
    const api = /^\/repos\/acme\/([a-z]+)$/.exec(path);
    if (api?.[1]) {
      if (api[1] === 'moved') return redirect(`${other()}/repos/acme/moved`, 301);
      const body = API_REPOSITORIES[api[1]];
      return body ? send(200, body, 'application/json') : send(404, '{"message":"Not Found"}', 'application/json');
    }
    const chain = /^\/redirect\/chain(\d)\/(\d)$/.exec(path);
    if (chain?.[1] && chain[2]) {
      const [length, step] = [Number(chain[1]), Number(chain[2])];
      return step > length ? send(200, PLAIN_PAGE) : redirect(`/redirect/chain${length}/${step + 1}`);
    }
    switch (path) {
      case '/page/quoted':
        return send(200, QUOTED_PAGE);
      case '/page/plain':
        return send(200, PLAIN_PAGE);
      case '/page/gzip': {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return response.end(gzipSync(QUOTED_PAGE));
      }
      case '/missing':
        return send(404, 'not here');
      case '/redirect/to-page':
        return redirect('/page/plain');
      case '/redirect/loop-a':
        return redirect('/redirect/loop-b');
      case '/redirect/loop-b':
        return redirect('/redirect/loop-a');
      case '/redirect/other-host':
        return redirect(`${other()}/page`);
      case '/redirect/file':
        return redirect('file:///etc/passwd');
      case '/hang-headers':
        // Half a response head, then nothing: the headers never finish.
        (response.socket as Socket).write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n');
        return;
      case '/drip':
        response.writeHead(200, { 'content-type': 'text/html' });
        return drip(response);
      case '/endless':
        response.writeHead(200, { 'content-type': 'text/html' });
        return flood(response);
      case '/gzip-bomb':
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return response.end(bomb as Buffer);
      default:
        return send(404, 'no such test page');
    }
  };
}

/** A body that never ends, one byte every 200 ms: never idle long enough for a body timeout. */
function drip(response: ServerResponse): void {
  const timer = setInterval(() => response.write('.'), 200);
  response.on('close', () => clearInterval(timer));
}

/** A body that never ends, written as fast as the client reads. */
function flood(response: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
  };
  response.on('drain', pump);
  pump();
}

function otherHandler(): Handler {
  return (path, response) => {
    if (path === '/repos/acme/moved') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(API_REPOSITORIES.ok);
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(PLAIN_PAGE);
  };
}

/** A slow page per path, to count how many requests are answered at once. */
export function slowHandler(delayMs: number): Handler {
  return (_path, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    }, delayMs);
  };
}

/** Starts a server on `host`; servers given the same `inFlight` count requests in flight together. */
export async function startServer(host: string, handler: Handler, inFlight = { now: 0, max: 0 }): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const requests: SeenRequest[] = [];
  let testServer: TestServer | undefined;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    response.on('close', () => inFlight.now--);
    handler(path, response, testServer as TestServer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  testServer = {
    origin: `http://${host}:${port}`,
    port,
    requests,
    inFlight,
    count: (path) => requests.filter((request) => request.path === path).length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return testServer;
}

/** The main test server on 127.0.0.1 and the "other host" on 127.0.0.2. */
export async function startVerifyServers(): Promise<{ main: TestServer; other: TestServer; close(): Promise<void> }> {
  bomb ??= Buffer.concat(Array<Buffer>(64).fill(gzipSync(Buffer.alloc(1024 * 1024))));
  const other = await startServer('127.0.0.2', otherHandler());
  const main = await startServer(
    '127.0.0.1',
    mainHandler(() => other.origin),
  );
  return { main, other, close: async () => void (await Promise.all([main.close(), other.close()])) };
}
