// `pgcheck verify` against slow pages (bench/README.md): a server on 127.0.0.1-4 (four hosts) answers
// every request after LATENCY seconds; one manifest cites N pages spread over the four hosts.
//   node bench/verify-latency.js [N] [latency seconds] [repetitions]
// Prints the median wall time of `pgcheck verify` (the bin, a user's environment), of `pgcheck
// --version` (start-up), and the limit: ceil(N / concurrency) x latency, plus start-up, times 1.3.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userEnvironment } from './environment.js';

const [count = 64, latency = 0.4, repetitions = 5] = process.argv.slice(2).map(Number);
const CONCURRENCY = 16; // pgcheck verify's default --concurrency (and 4 hosts x --per-host 4)
const bin = fileURLToPath(new URL('../bin/pgcheck.js', import.meta.url));
const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
let served = 0;
const server = createServer((_request, response) =>
  setTimeout(() => {
    served += 1;
    response.end('<html><body>a slow page</body></html>');
  }, latency * 1000),
);
await new Promise((resolve) => server.listen(0, '0.0.0.0', resolve));
const { port } = server.address();
const work = mkdtempSync(join(tmpdir(), 'pgcheck-verify-bench-'));
const manifest = join(work, 'slow.yaml');
const urls = Array.from({ length: count }, (_, i) => `    - http://${hosts[i % hosts.length]}:${port}/page-${i}`);
writeFileSync(
  manifest,
  `pgcheck: 1\nname: Slow pages\ncategory: photo-management\nhosting:\n  cloud: true\n  sources:\n${urls.join('\n')}\n`,
);

/** Wall seconds of one run; the server runs in this process, so the child must be asynchronous. */
function timed(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: userEnvironment(),
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) =>
      code === 0 || code === 1
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`verify exited ${code}: ${stderr}`)),
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verify = [];
const startUp = [];
try {
  for (let i = 0; i < repetitions; i += 1) {
    verify.push(await timed(['verify', '--allow-private-network', manifest]));
    startUp.push(await timed(['--version']));
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
// Every page must really have been fetched, or the timing means nothing.
if (served < count * repetitions)
  throw new Error(`bench: the server answered ${served} requests, expected at least ${count * repetitions}`);
const floor = Math.ceil(count / CONCURRENCY) * latency;
const limit = 1.3 * (floor + median(startUp));
console.log(
  `verify, ${count} pages of ${latency} s on 4 hosts: ${median(verify).toFixed(2)} s (median of ${repetitions}); start-up ${median(startUp).toFixed(2)} s`,
);
console.log(
  `limit 1.3 x (${floor.toFixed(2)} s + start-up) = ${limit.toFixed(2)} s: ${median(verify) <= limit ? 'met' : 'MISSED'}; ratio ${(median(verify) / (floor + median(startUp))).toFixed(2)}x`,
);
