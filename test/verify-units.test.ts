import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readCapped } from '../src/verify/body.js';
import { isPublicAddress } from '../src/verify/address.js';
import { parseDuration, subtractDuration } from '../src/verify/duration.js';
import { githubHostsFor, githubRepository } from '../src/verify/github.js';
import { compareLicence } from '../src/verify/licence.js';
import { RequestLimiter } from '../src/verify/limiter.js';
import { htmlToText, pageContainsQuote } from '../src/verify/page-text.js';
import { verifyGithub } from '../src/verify/format/github.js';
import { verifyJunit } from '../src/verify/format/junit.js';
import { verifyMarkdown } from '../src/verify/format/markdown.js';
import { verifySarif } from '../src/verify/format/sarif.js';
import { summarizeVerify, type VerifyReport } from '../src/verify/report.js';

// Address strings only: nothing here connects anywhere.
describe('isPublicAddress', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.1',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '[::1]',
    '2001:db8::1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    'localhost',
    '',
    'not an ip',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  test.each([
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '[2a00:1450::1]',
    '::ffff:1.1.1.1',
  ])('%s is public', (address) => expect(isPublicAddress(address)).toBe(true));
});

describe('--max-inactivity durations', () => {
  test.each([
    ['12m', { amount: 12, unit: 'month' }],
    ['1y', { amount: 1, unit: 'year' }],
    ['90d', { amount: 90, unit: 'day' }],
    ['6 weeks', { amount: 6, unit: 'week' }],
    [' 2 Months ', { amount: 2, unit: 'month' }],
  ])('%s', (text, duration) => expect(parseDuration(text)).toEqual(duration));

  test.each(['12', 'm', '12x', '-1m', '1.5y', '12 m y', ''])('%j is not a duration', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  test('months count by the calendar and clamp to the end of shorter months', () => {
    const iso = (date: Date) => date.toISOString().slice(0, 10);
    expect(iso(subtractDuration(new Date('2026-03-31T12:00:00Z'), { amount: 1, unit: 'month' }))).toBe('2026-02-28');
    expect(iso(subtractDuration(new Date('2026-11-28T00:00:00Z'), { amount: 12, unit: 'month' }))).toBe('2025-11-28');
    expect(iso(subtractDuration(new Date('2024-02-29T00:00:00Z'), { amount: 1, unit: 'year' }))).toBe('2023-02-28');
    expect(iso(subtractDuration(new Date('2026-01-10T00:00:00Z'), { amount: 2, unit: 'week' }))).toBe('2025-12-27');
  });
});

describe('licence agreement with what GitHub reports', () => {
  test.each([
    ['GPL-3.0', 'GPL-3.0-only'],
    ['GPL-3.0', 'GPL-3.0-or-later'],
    ['GPL-3.0', 'GPL-3.0+'],
    ['AGPL-3.0', 'AGPL-3.0-only'],
    ['LGPL-2.1', 'LGPL-2.1-or-later'],
    ['GPL-3.0-only', 'GPL-3.0-only'],
    ['MIT', 'MIT'],
    ['Apache-2.0', 'MIT OR Apache-2.0'],
    ['mit', 'MIT'],
  ])('%s agrees with %s', (github, manifest) => expect(compareLicence(github, manifest)).toEqual({ agrees: true }));

  test.each([
    ['GPL-2.0', 'GPL-3.0-only'],
    ['MIT', 'GPL-3.0-only'],
    ['AGPL-3.0', 'GPL-3.0-only'],
    ['BSD-3-Clause', 'MIT OR Apache-2.0'],
  ])('%s disagrees with %s', (github, manifest) =>
    expect(compareLicence(github, manifest)).toMatchObject({ agrees: false, unknown: false }),
  );

  test('NOASSERTION cannot be judged; no licence at all disagrees', () => {
    expect(compareLicence('NOASSERTION', 'MIT')).toMatchObject({ agrees: false, unknown: true });
    expect(compareLicence(null, 'MIT')).toMatchObject({
      agrees: false,
      unknown: false,
      detail: 'GitHub detects no licence; the manifest says MIT',
    });
  });
});

describe('GitHub repository URLs', () => {
  const hosts = githubHostsFor('https://api.github.com');
  test.each([
    ['https://github.com/ente-io/ente', 'ente-io/ente'],
    ['https://github.com/ente-io/ente.git', 'ente-io/ente'],
    ['https://github.com/ente-io/ente/tree/main/server', 'ente-io/ente'],
    ['https://www.github.com/a/b.c', 'a/b.c'],
  ])('%s is %s', (url, fullName) => expect(githubRepository(url, hosts)?.fullName).toBe(fullName));

  test.each([
    'https://gitlab.com/a/b',
    'https://github.com/a',
    'https://github.com/',
    'https://github.com/a/..',
    'not a url',
  ])('%s is not one', (url) => expect(githubRepository(url, hosts)).toBeUndefined());

  test('a GitHub Enterprise API base adds its host', () => {
    expect(
      githubRepository('https://git.example.org/team/tool', githubHostsFor('https://git.example.org/api/v3'))?.fullName,
    ).toBe('team/tool');
    expect(githubRepository('https://git.example.org/team/tool', hosts)).toBeUndefined();
  });
});

describe('page text and quotes', () => {
  test('tags, scripts, styles and comments go; entities are decoded; inline tags do not split words', () => {
    const html =
      '<style>p{}</style><script>var x = "<p>secret</p>"</script><!-- hidden --><h1>Title</h1><p>Fully <b>en</b>crypted &amp; safe&#x21;&nbsp;&#8212;&unknown;</p>';
    expect(htmlToText(html).replace(/\s+/g, ' ').trim()).toBe('Title Fully encrypted & safe! —&unknown;');
  });

  test('quotes match across whitespace, line breaks and typographic punctuation, but not text in scripts', () => {
    const page = Buffer.from(
      '<p>Your data is\n   <em>end-to-end</em> encrypted &mdash; it&rsquo;s yours.</p><script>"hidden words"</script>',
    );
    expect(pageContainsQuote(page, 'text/html', "Your data is end-to-end encrypted - it's yours.")).toBe(true);
    expect(pageContainsQuote(page, 'text/html', 'hidden words')).toBe(false);
    expect(pageContainsQuote(page, 'text/html', 'your data is')).toBe(false);
    expect(pageContainsQuote(Buffer.from('plain  text\nhere'), 'text/plain', 'plain text here')).toBe(true);
  });
});

describe('RequestLimiter', () => {
  test('holds requests to the global and per-host limits', async () => {
    const limiter = new RequestLimiter(3, 2);
    const active = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxPerHost = new Map<string, number>();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const task = (host: string) =>
      limiter.run(host, async () => {
        total++;
        active.set(host, (active.get(host) ?? 0) + 1);
        maxTotal = Math.max(maxTotal, total);
        maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, active.get(host) ?? 0));
        await gate;
        await new Promise((resolve) => setImmediate(resolve));
        total--;
        active.set(host, (active.get(host) ?? 1) - 1);
      });
    const runs = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c'].map(task);
    await new Promise((resolve) => setImmediate(resolve));
    expect(total).toBe(3);
    release();
    await Promise.all(runs);
    expect(maxTotal).toBe(3);
    expect(Math.max(...maxPerHost.values())).toBe(2);
    expect(total).toBe(0);
  });
});

describe('verify formats escape what manifests say', () => {
  const report: VerifyReport = {
    tool: 'pgcheck',
    version: '0.0.0',
    command: 'verify',
    report_format: 1,
    candidates: [
      {
        file: 'x.yaml',
        name: 'Evil | <script>alert(1)</script>',
        checks: [
          {
            check: 'reachable',
            target: 'http://127.0.0.1/a"b',
            outcome: 'fail',
            detail: 'HTTP 404 & <b>\u0007',
            line: 3,
            column: 5,
          },
        ],
      },
    ],
    errors: [],
    summary: summarizeVerify([], []),
  };
  report.summary = summarizeVerify(report.candidates, []);

  test('junit escapes XML and drops characters XML cannot carry', () => {
    const xml = verifyJunit.render(report, { color: false });
    expect(xml).toContain('name="Evil | &lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(xml).toContain('<failure message="HTTP 404 &amp; &lt;b&gt;"/>');
    expect(xml).toContain('name="reachable http://127.0.0.1/a&quot;b"');
  });

  test('markdown escapes table and HTML syntax', () => {
    const text = verifyMarkdown.render(report, { color: false });
    expect(text).toContain('## Evil \\| \\<script\\>alert\\(1\\)\\</script\\>');
    expect(text).toContain('| reachable | http://127.0.0.1/a"b | ✗ fail | HTTP 404 & \\<b\\>  |');
  });

  test("github annotates the claim's line, with workflow-command syntax escaped", () => {
    const evil: VerifyReport = {
      ...report,
      candidates: [{ ...report.candidates[0]!, file: 'a,b:c.yaml', name: 'Evil\n::error::forged %0A' }],
    };
    const lines = verifyGithub.render(evil, { color: false }).split('\n');
    expect(lines[0]).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,col=5,title=pgcheck verify%3A reachable fail::Evil ::error::forged %250A: http://127.0.0.1/a"b: HTTP 404 & <b>',
    );
    expect(lines[1]).toBe('1 candidate, 1 check: 0 pass, 1 fail, 0 unknown');
  });

  test('sarif gives a failing check an error at the claim, as plain text', () => {
    const log = JSON.parse(verifySarif.render(report, { color: false }));
    const [result] = log.runs[0].results;
    expect(result).toMatchObject({
      ruleId: 'verify/reachable',
      level: 'error',
      message: { text: 'Evil | <script>alert(1)</script>: reachable http://127.0.0.1/a"b is fail: HTTP 404 & <b>' },
    });
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'x.yaml' },
      region: { startLine: 3, startColumn: 5 },
    });
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('verify/reachable');
  });
});

describe('readCapped', () => {
  const text = 'hello '.repeat(1000);
  test.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['br', brotliCompressSync(text)],
    [undefined, Buffer.from(text)],
    ['identity', Buffer.from(text)],
  ])('decodes %s', async (encoding, bytes) => {
    expect(await readCapped(Readable.from([bytes]), encoding, 1 << 20)).toEqual({
      body: Buffer.from(text),
      truncated: false,
    });
  });

  test('stops at the cap of decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20));
    const read = await readCapped(Readable.from([bomb]), 'gzip', 1000);
    expect(read.body.length).toBe(1000);
    expect(read.truncated).toBe(true);
  });

  test('a body exactly at the cap is not truncated', async () => {
    expect(await readCapped(Readable.from([Buffer.alloc(10)]), undefined, 10)).toEqual({
      body: Buffer.alloc(10),
      truncated: false,
    });
  });

  test('refuses codings it cannot decode and bodies that are not what they claim', async () => {
    await expect(readCapped(Readable.from([Buffer.from('x')]), 'zstd', 100)).rejects.toThrow(
      'unsupported content-encoding "zstd"',
    );
    await expect(readCapped(Readable.from([Buffer.from('not gzip')]), 'gzip', 100)).rejects.toThrow(
      /^cannot decompress or read the body/,
    );
  });
});
