import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../src/verify/http.js';
import { verifyTable } from '../src/verify/format/table.js';
import { verifyExitCode } from '../src/verify/report.js';
import { verifyFiles } from '../src/verify/verify-files.js';
import { runCliAsync } from './helpers/verify-fixtures.js';

const HOOK = fileURLToPath(new URL('./helpers/dns-hook.mjs', import.meta.url));
const MANIFEST = 'test/fixtures/verify/offline/public-hosts.yaml';

describe('verify without a network', () => {
  it('says so once and exits 2 when every DNS lookup fails, instead of a failing row per URL', async () => {
    const run = await runCliAsync(['verify', MANIFEST], { PGCHECK_TEST_DNS: 'fail' }, ['--import', HOOK]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: no network: the DNS lookup failed for every host (api.github.com, example.com, example.org: ENOTFOUND); nothing was verified\n',
    );
    expect(run.code).toBe(2);
  });

  it('gives up after --timeout when nothing answers at all, however many URLs are waiting', async () => {
    // Three requests, one at a time: each would otherwise wait out its own --timeout and fail as a row.
    const run = await runCliAsync(
      ['verify', MANIFEST, '--timeout', '2', '--concurrency', '1', '--format', 'json'],
      { PGCHECK_TEST_DNS: 'hang' },
      ['--import', HOOK],
    );
    expect(run.stderr).toBe('error: no network: no host answered within 2s; nothing was verified\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  }, 30_000);
});

describe('verifyFiles tells a dead network from dead evidence', () => {
  const dnsFailure = (host: string) => Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  const client = (answers: (url: URL) => Promise<never> | 'ok'): HttpClient => ({
    get: async (url) => {
      const answer = answers(url);
      if (answer !== 'ok') return answer;
      return {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from('end-to-end encrypted, zero knowledge'),
        truncated: false,
      };
    },
    close: async () => undefined,
  });

  it('a host whose name does not resolve is a failing check when others answer', async () => {
    const report = await verifyFiles([MANIFEST], {
      client: client((url) => (url.hostname === 'example.org' ? Promise.reject(dnsFailure(url.hostname)) : 'ok')),
    });
    expect(report.unreachable).toBeUndefined();
    const failed = report.candidates[0]?.checks
      .filter((check) => check.check === 'reachable' && check.outcome === 'fail')
      .map((check) => check.target);
    expect(failed).toEqual(['https://example.org/security']);
    expect(verifyExitCode(report)).toBe(1);
  });

  it("the table shows each check's line, so two quotes on one URL can be told apart", async () => {
    const report = await verifyFiles([MANIFEST], { client: client(() => 'ok') });
    const rows = verifyTable
      .render(report, { color: false })
      .split('\n')
      .filter((row) => row.includes('│ quote'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/│ quote +│ https:\/\/example\.com\/faq +│ ✓ pass +│ quote found on the page +│ 11:14 +│/);
    expect(rows[1]).toMatch(/│ quote +│ https:\/\/example\.com\/faq +│ ✓ pass +│ quote found on the page +│ 13:14 +│/);
  });

  it('every lookup failing makes the report unreachable, exit 2', async () => {
    const report = await verifyFiles([MANIFEST], { client: client((url) => Promise.reject(dnsFailure(url.hostname))) });
    expect(report.unreachable).toBe(
      'the DNS lookup failed for every host (api.github.com, example.com, example.org: ENOTFOUND)',
    );
    expect(verifyExitCode(report)).toBe(2);
  });

  it('refusals and other failures are dead evidence, not a dead network', async () => {
    const report = await verifyFiles([MANIFEST], {
      client: client(() => Promise.reject(new Error('connection reset'))),
    });
    expect(report.unreachable).toBeUndefined();
    expect(verifyExitCode(report)).toBe(1);
  });

  it('a client that never answers ends the run after stallMs instead of hanging', async () => {
    const report = await verifyFiles([MANIFEST], {
      client: client(() => new Promise<never>(() => undefined)),
      stallMs: 50,
    });
    expect(report.unreachable).toBe('no host answered within 0.05s');
    expect(verifyExitCode(report)).toBe(2);
  });
});
