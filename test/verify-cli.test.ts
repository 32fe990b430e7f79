import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CheckResult, VerifyReport } from '../src/verify/report.js';
import { runBinAsync, runCli } from './helpers/cli.js';
import { writeVerifyFixtures } from './helpers/verify-fixtures.js';
import { startVerifyServers, type TestServer } from './helpers/verify-server.js';

const TOKEN = 'test-token-not-a-secret';
let servers: Awaited<ReturnType<typeof startVerifyServers>>;
let dir: string;

beforeEach(async () => {
  servers = await startVerifyServers();
  dir = await writeVerifyFixtures({ main: servers.main.origin, other: servers.other.origin, port: servers.main.port });
});

afterEach(async () => {
  await servers.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs `pgcheck verify` in this process, or with `bin` as the real bin: where the test servers' timing
 * is what is checked, they must not share an event loop with the client.
 */
function verify(files: string[], extra: string[] = [], options: { allowPrivate?: boolean; bin?: boolean } = {}) {
  const args = [
    'verify',
    ...files.map((file) => join(dir, file)),
    '--timeout',
    '1',
    '--github-api',
    servers.main.origin,
    ...extra,
  ];
  const run = options.bin ? runBinAsync : runCli;
  return run(options.allowPrivate === false ? args : [...args, '--allow-private-network'], { GITHUB_TOKEN: TOKEN });
}

function outcomes(report: VerifyReport, name: string): Record<string, [string, string]> {
  const candidate = report.candidates.find((c) => c.name === name);
  if (!candidate) throw new Error(`no candidate ${name}`);
  const path = (target: string) => target.replace(servers.main.origin, '');
  return Object.fromEntries(
    candidate.checks.map((check: CheckResult) => [
      `${check.check} ${path(check.target)}`,
      [check.outcome, check.detail],
    ]),
  );
}

function expectEachPathRequestedOnce(server: TestServer): void {
  const paths = server.requests.map((request) => request.path);
  expect(paths.length).toBeGreaterThan(0);
  for (const path of new Set(paths)) expect([path, server.count(path)]).toEqual([path, 1]);
}

describe('pgcheck verify against local test servers', () => {
  test('a manifest whose evidence holds passes every check and exits 0', async () => {
    const run = await verify(['good.yaml'], ['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as VerifyReport;
    const checks = outcomes(report, 'Good Tool');
    expect(Object.keys(checks).sort()).toEqual(
      [
        'reachable /page/quoted',
        'quote /page/quoted',
        'reachable /redirect/to-page',
        'reachable /page/gzip',
        'quote /page/gzip',
        'reachable /page/plain',
        'reachable /redirect/chain5/1',
        ...['acme/ok', 'acme/gpl'].flatMap((repo) =>
          ['repository', 'archived', 'licence', 'activity'].map((check) => `${check} ${repo}`),
        ),
      ].sort(),
    );
    for (const [key, [outcome, detail]] of Object.entries(checks))
      expect([key, outcome, detail]).toEqual([key, 'pass', detail]);
    expect(checks['licence acme/gpl']?.[1]).toBe('GitHub reports GPL-3.0; the manifest says GPL-3.0-or-later');
    expect(report.summary).toMatchObject({ candidates: 1, fail: 0, unknown: 0, errors: 0 });
    expectEachPathRequestedOnce(servers.main);
  });

  test('the token goes to the API host only, and every request names pgcheck in its User-Agent', async () => {
    await verify(['good.yaml', 'bad.yaml']);
    const main = servers.main.requests;
    const api = main.filter((request) => request.path.startsWith('/repos/'));
    expect(api.length).toBeGreaterThan(0);
    for (const request of api) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // Pages on the API's own host are not API requests: no token for them either.
    for (const request of main.filter((r) => !r.path.startsWith('/repos/')))
      expect(request.headers.authorization).toBeUndefined();
    // The other host got both a page redirect and the API's redirect of acme/moved, without the token.
    expect(servers.other.requests.map((request) => request.path).sort()).toEqual(['/page', '/repos/acme/moved']);
    for (const request of servers.other.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(TOKEN);
    }
    for (const request of [...main, ...servers.other.requests])
      expect(request.headers['user-agent']).toMatch(/^pgcheck\/\d+\.\d+\.\d+ /);
  });

  test('each failed check is reported with its reason, and the run exits 1', async () => {
    const run = await verify(['bad.yaml'], ['--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const checks = outcomes(JSON.parse(run.stdout) as VerifyReport, 'Bad Tool');
    const other = servers.other.origin;
    expect(checks).toMatchObject({
      'reachable /page/plain': ['pass', 'HTTP 200'],
      'quote /page/plain': ['fail', 'quote not found on the page'],
      'reachable /page/quoted': ['pass', 'HTTP 200'],
      'reachable /missing': ['fail', 'HTTP 404'],
      'reachable /redirect/loop-a': ['fail', expect.stringMatching(/^redirect loop back to .*\/redirect\/loop-a/)],
      'reachable /redirect/chain6/1': ['fail', expect.stringMatching(/^more than 5 redirects/)],
      'reachable /redirect/other-host': ['pass', `HTTP 200 (at ${other}/page)`],
      'reachable /redirect/file': ['fail', expect.stringMatching(/^refused: file: URL/)],
      'archived acme/archived': ['fail', 'archived (read-only, no longer maintained)'],
      'licence acme/mismatch': ['fail', 'GitHub reports MIT; the manifest says GPL-3.0-only'],
      'activity acme/mismatch': ['pass', expect.stringMatching(/^last push \d{4}-\d\d-\d\d, within 12 months$/)],
      'activity acme/stale': ['fail', expect.stringMatching(/^last push \d{4}-\d\d-\d\d, more than 12 months ago$/)],
      'repository acme/gone': ['fail', expect.stringContaining('HTTP 404')],
      'licence acme/noassertion': ['unknown', expect.stringContaining('NOASSERTION')],
      'repository acme/moved': ['pass', 'exists'],
    });
    // A repository that does not exist gets no further checks.
    expect(Object.keys(checks).filter((key) => key.endsWith('acme/gone'))).toEqual(['repository acme/gone']);
    expectEachPathRequestedOnce(servers.main);
  });

  test('--max-inactivity sets how old the last push may be', async () => {
    const run = await verify(['bad.yaml'], ['--format', 'json', '--max-inactivity', '5y']);
    expect(outcomes(JSON.parse(run.stdout) as VerifyReport, 'Bad Tool')['activity acme/stale']).toEqual([
      'pass',
      expect.stringContaining('within 5 years'),
    ]);
  });

  test('hostile servers cannot hang or flood it: every request ends within its limits', {
    timeout: 30_000,
  }, async () => {
    const run = await verify(['hostile.yaml'], ['--format', 'json'], { bin: true });
    expect(run.code).toBe(1);
    const checks = outcomes(JSON.parse(run.stdout) as VerifyReport, 'Hostile Tool');
    expect(checks).toEqual({
      'reachable /hang-headers': ['fail', 'no response headers within 1s'],
      'reachable /drip': ['fail', 'no complete answer within 3s'],
      'quote /drip': ['unknown', 'the page could not be fetched'],
      'reachable /endless': ['pass', 'HTTP 200'],
      'quote /endless': ['fail', 'quote not found on the page (only its first 2 MiB were read)'],
      'reachable /gzip-bomb': ['pass', 'HTTP 200'],
      'quote /gzip-bomb': ['fail', 'quote not found on the page (only its first 2 MiB were read)'],
    });
    expectEachPathRequestedOnce(servers.main);
  });

  test('several manifests citing the same URLs: each URL is requested once in the run', {
    timeout: 30_000,
  }, async () => {
    const run = await verify(['good.yaml', 'bad.yaml', 'hostile.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Good Tool');
    expect(run.stdout).toContain('Bad Tool');
    expect(run.stdout).toContain('Hostile Tool');
    expect(servers.main.count('/page/plain')).toBe(1);
    expect(servers.main.count('/page/quoted')).toBe(1);
    expectEachPathRequestedOnce(servers.main);
    expectEachPathRequestedOnce(servers.other);
  });

  test('without --allow-private-network, 127.0.0.1 and localhost are refused before any request', async () => {
    const run = await verify(['private.yaml'], ['--format', 'json'], { allowPrivate: false });
    expect(run.code).toBe(1);
    const checks = outcomes(JSON.parse(run.stdout) as VerifyReport, 'Private Tool');
    expect(checks).toEqual({
      'reachable /page/plain': [
        'fail',
        'refused: 127.0.0.1 is not a public address (use --allow-private-network to allow it)',
      ],
      [`reachable http://localhost:${servers.main.port}/page/quoted`]: [
        'fail',
        // localhost may resolve to ::1 first on some systems: either is refused.
        expect.stringMatching(
          /^refused: localhost resolves to (127\.0\.0\.1|::1), not a public address \(use --allow-private-network to allow it\)$/,
        ),
      ],
      'repository acme/ok': [
        'fail',
        'GitHub API: refused: 127.0.0.1 is not a public address (use --allow-private-network to allow it)',
      ],
    });
    expect(servers.main.requests).toEqual([]);
    expect(servers.other.requests).toEqual([]);
  });

  test('an invalid manifest is reported with file:line:column and exit 2; the others are still verified', async () => {
    const bad = join(dir, 'broken.yaml');
    await writeFile(
      bad,
      'pgcheck: 1\nname: Broken\ncategory: photo-management\nhosting:\n  sources: [ftp://example.invalid/x]\n',
    );
    const run = await verify(['broken.yaml', 'good.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:13: hosting\\.sources\\[0\\]: `),
    );
    expect(run.stdout).toContain('Good Tool');
    expect(run.stdout).toMatch(/1 candidate, 15 checks: 15 pass, 0 fail, 0 unknown; 1 file with errors/);
  });

  test('markdown and junit show every check', { timeout: 30_000 }, async () => {
    const [markdown, junit] = await Promise.all([
      verify(['bad.yaml'], ['--format', 'markdown']),
      verify(['bad.yaml'], ['--format', 'junit']),
    ]);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('## Bad Tool');
    expect(markdown.stdout).toContain('| check | target | outcome | detail |');
    expect(markdown.stdout).toContain(
      '| archived | acme/archived | ✗ fail | archived \\(read-only, no longer maintained\\) |',
    );
    const summary = /1 candidate, (\d+) checks: (\d+) pass, (\d+) fail, (\d+) unknown/.exec(markdown.stdout);
    expect(summary).not.toBeNull();
    const [checks, , fail, unknown] = (summary ?? []).slice(1).map(Number);
    expect([checks, fail, unknown]).toEqual([29, 12, 1]);
    expect(markdown.stdout.match(/^\| (reachable|quote|repository|archived|licence|activity) \|/gm)?.length).toBe(
      checks,
    );
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain(
      `<testsuites name="pgcheck verify" tests="${checks}" failures="${fail}" errors="0" skipped="${unknown}">`,
    );
    expect(junit.stdout.match(/<testcase /g)?.length).toBe(checks);
    expect(junit.stdout.match(/<failure /g)?.length).toBe(fail);
    expect(junit.stdout.match(/<skipped /g)?.length).toBe(unknown);
  });
});

describe('pgcheck verify usage errors exit 2', () => {
  test.each([
    [['--timeout', '0'], /--timeout <seconds>' argument '0' is invalid/],
    [['--timeout', 'ten'], /expected a number of seconds/],
    [['--concurrency', '0'], /expected a whole number from 1 to 256/],
    [['--per-host', '1.5'], /expected a whole number from 1 to 64/],
    [['--max-inactivity', '12x'], /expected a whole number and a unit: d, w, m or y/],
    [['--github-api', 'ftp://x'], /expected an http\(s\) URL/],
    [['--format', 'xml'], /Allowed choices are table, json, markdown, junit/],
  ])('%s', async (args, message) => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    const run = await runCli(['verify', empty, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
