import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, transcript } from './helpers/cli.js';
import { runCli } from './helpers/cli.js';
import { startServer, type TestServer } from './helpers/verify-server.js';

const F = 'test/fixtures/sync';
let dir: string;
let server: TestServer;
const served = new Map<string, string | Buffer>();
let shipped: { id: string; level: string; text: string }[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgcheck-drift-'));
  shipped = (
    parse(await readFile(join(repoRoot, 'criteria/photo-management.yaml'), 'utf8')) as { criteria: typeof shipped }
  ).criteria;
  server = await startServer('127.0.0.1', (path, response) => {
    const body = served.get(path);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/markdown' });
    response.end(body ?? 'not found');
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A criteria page of this test's own making around the given bullets (the shipped set's criteria,
 * edited), with the site's structure: intro, tier headings, a footnote.
 */
async function page(name: string, bullets: { level: string; text: string }[]): Promise<string> {
  const tier = (level: string) =>
    bullets
      .filter((bullet) => bullet.level === level)
      .map((bullet) => `- ${bullet.text}`)
      .join('\n');
  const text = `---\ntitle: Photo Management\n---\n\n## Criteria\n\nA page written for pgcheck's drift tests.[^1]\n\n### Minimum Requirements\n\n${tier('minimum')}\n\n### Best Case\n\n${tier('best-case')}\n\n[^1]: Not the real page.\n`;
  const file = join(dir, `${name}.md`);
  await writeFile(file, text);
  return file;
}

const edited = (edits: Record<string, string | null>, moves: Record<string, string> = {}) =>
  shipped.flatMap((criterion) => {
    const text = criterion.id in edits ? edits[criterion.id] : criterion.text;
    return text === null || text === undefined ? [] : [{ level: moves[criterion.id] ?? criterion.level, text }];
  });

/** Runs drift and pins the transcript (or only its last stdout line), with the temporary directory written as <tmp>. */
async function drift(name: string, args: string[], lastLineOnly = false) {
  const run = await runCli(['criteria', 'drift', ...args]);
  const stdout = lastLineOnly ? `${run.stdout.trimEnd().split('\n').at(-1) ?? ''}\n`.replace(/^\n$/, '') : run.stdout;
  const shown = {
    ...run,
    stdout: stdout.replaceAll(dir, '<tmp>').replaceAll(server.origin, '<server>'),
    stderr: run.stderr.replaceAll(dir, '<tmp>').replaceAll(server.origin, '<server>'),
  };
  await expect(transcript(shown)).toMatchFileSnapshot(`golden-sync/drift-${name}.txt`);
  return run;
}

describe('criteria drift on the shipped set', () => {
  it('a page saying what the set says: every criterion unchanged, exit 0', async () => {
    const run = await drift('shipped-unchanged', ['photo-management', '--upstream', await page('same', edited({}))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 criteria: 7 unchanged, 0 reworded, 0 moved, 0 removed; 0 bullets added');
  });

  it('only case, hyphens, punctuation and abbreviations changed: reworded in form, exit 0', async () => {
    const file = await page(
      'cosmetic',
      edited({
        e2ee: 'Cloud-hosted providers must enforce E2EE.',
        mfa: 'Must support TOTP or FIDO2 multifactor authentication, or passkey logins.',
        audit: 'Should have a published audit from a reputable, independent third party.',
        'free-plan': 'Must Offer A Free Plan Or Trial Period For Testing.',
        export: 'Must allow for easy exports of all files / documents',
      }),
    );
    const run = await drift('shipped-cosmetic', ['photo-management', '--upstream', file]);
    expect(run.code).toBe(0);
    const json = JSON.parse(
      (await runCli(['criteria', 'drift', 'photo-management', '--upstream', file, '--format', 'json'])).stdout,
    );
    expect(
      Object.fromEntries(
        json.changes.map((change: { criterion: string; kind: string; changed: string[] }) => [
          change.criterion,
          `${change.kind} ${change.changed.join(',')}`,
        ]),
      ),
    ).toEqual({
      e2ee: 'reworded abbreviations',
      'free-plan': 'reworded case',
      mfa: 'reworded hyphens',
      'web-interface': 'unchanged ',
      export: 'reworded punctuation',
      'open-source': 'unchanged ',
      audit: 'reworded hyphens',
    });
  });

  it('reworded in substance, moved, removed and added: each reported, exit 1 (table and json)', async () => {
    const file = await page('changed', [
      ...edited(
        { 'free-plan': 'Must offer a free plan for testing without a card.', 'open-source': null },
        { export: 'best-case' },
      ),
      { level: 'minimum', text: 'Must publish a yearly transparency report.' },
    ]);
    const run = await drift('shipped-changed', ['photo-management', '--upstream', file]);
    expect(run.code).toBe(1);
    const json = await drift('shipped-changed-json', ['photo-management', '--upstream', file, '--format', 'json']);
    expect(json.code).toBe(1);
    const kinds = JSON.parse(json.stdout).changes.map(
      (change: { kind: string; criterion: string | null; cosmetic: boolean }) =>
        `${change.kind} ${change.criterion} ${change.cosmetic}`,
    );
    expect(kinds).toEqual([
      'unchanged e2ee false',
      'reworded free-plan false',
      'unchanged mfa false',
      'unchanged web-interface false',
      'moved export false',
      'removed open-source false',
      'unchanged audit false',
      'added null false',
    ]);
  });

  it.each([
    ['added', [{ level: 'minimum', text: 'Must publish a yearly transparency report.' }]],
    ['removed', []],
  ] as const)('one criterion %s is enough for exit 1', async (kind, extra) => {
    const bullets = kind === 'removed' ? edited({ audit: null }) : [...edited({}), ...extra];
    const run = await runCli([
      'criteria',
      'drift',
      'photo-management',
      '--upstream',
      await page(`only-${kind}`, bullets),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${kind} `, 'm'));
  });
});

describe('criteria drift on an imported set', () => {
  it('the docs example: garden-planners against the page a year later', async () => {
    const run = await drift('garden-planners', [`${F}/garden-planners.yaml`, '--upstream', `${F}/tiers-v2.md`]);
    expect(run.code).toBe(1);
  });

  it('fetches the upstream a set records, through the verify client, and refuses a private address unless allowed', async () => {
    served.set('/tiers-v2.md', await readFile(join(repoRoot, F, 'tiers-v2.md')));
    const set = join(dir, 'garden-upstream.yaml');
    const text = await readFile(join(repoRoot, F, 'garden-planners.yaml'), 'utf8');
    await writeFile(set, text.replace('revision:', `upstream: ${server.origin}/tiers-v2.md\nrevision:`));
    const allowed = await drift('url-allowed', [set, '--allow-private-network', '--format', 'json']);
    expect(allowed.code).toBe(1);
    expect(JSON.parse(allowed.stdout).upstream).toBe(`${server.origin}/tiers-v2.md`);
    const refused = await drift('url-refused', [set]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot fetch the page: ');
    const missing = await drift('url-404', [set, '--upstream', `${server.origin}/nope.md`, '--allow-private-network']);
    expect(missing.code).toBe(2);
  });

  it('a set with no upstream and no --upstream: exit 2', async () => {
    const run = await drift('no-upstream', [`${F}/garden-planners.yaml`]);
    expect(run.code).toBe(2);
  });

  it('an unknown set: exit 2', async () => {
    expect((await runCli(['criteria', 'drift', 'photo-managment', '--upstream', `${F}/tiers.md`])).code).toBe(2);
  });
});

describe('criteria drift and import on hostile pages', () => {
  const cases: [string, () => string | Buffer][] = [
    ['no-criteria', () => '# Nothing\n\nJust prose.\n'],
    ['binary', () => Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe, 0x01, 0x02])],
    ['huge', () => `## Criteria\n\n${'- Must be small.\n'.repeat(70_000)}`],
    [
      'many-bullets',
      () => `## Criteria\n\n${Array.from({ length: 1500 }, (_, n) => `- Must pass check number ${n}.`).join('\n')}\n`,
    ],
    ['deep-lists', () => `## Criteria\n\n${'- '.repeat(4_000)}Must survive.\n`],
    ['deep-quotes', () => `## Criteria\n\n${'>'.repeat(9_000)} - Must survive.\n`],
    ['long-deep-lists', () => `## Criteria\n\n${'- '.repeat(200_000)}Must survive.\n`],
    ['deep-html', () => `## Criteria\n\n${'<div>\n'.repeat(50_000)}\n- Inside divs.\n`],
    // marked's inline pass would take minutes on these; bullets this dense are reduced by a plain rule
    [
      'emphasis',
      () =>
        `## Criteria\n\n- ${'*a'.repeat(4_000)}\n${Array.from({ length: 200 }, () => `- ${'**a['.repeat(900)}`).join('\n')}\n`,
    ],
    ['long-line', () => `## Criteria\n\n- ${'|a'.repeat(300_000)}\n`],
    [
      'deep-indent',
      () => `## Criteria\n\n${Array.from({ length: 900 }, (_, n) => `${' '.repeat(n * 2)}- x`).join('\n')}\n`,
    ],
  ];

  it.each(cases)(
    '%s: a clear message, exit 2 or an honest answer, never a crash',
    async (name, content) => {
      const file = join(dir, `hostile-${name}.md`);
      await writeFile(file, content());
      const run = await drift(`hostile-${name}`, [`${F}/garden-planners.yaml`, '--upstream', file], true);
      expect(run.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
      expect([1, 2]).toContain(run.code);
      const imported = await runCli(['criteria', 'import', file, '--source', 'https://example.org/']);
      expect(imported.stderr).not.toMatch(/internal error/);
      expect([0, 2]).toContain(imported.code);
    },
    60_000,
  );

  it('a page over the size limit is refused unread, and --max-file-size raises the limit', async () => {
    const file = join(dir, 'hostile-huge.md');
    const run = await runCli(['criteria', 'drift', `${F}/garden-planners.yaml`, '--upstream', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/over the 1 MiB limit/);
    const raised = await runCli([
      'criteria',
      'drift',
      `${F}/garden-planners.yaml`,
      '--upstream',
      file,
      '--max-file-size',
      '2MiB',
    ]);
    expect(raised.stderr).toMatch(/70000 bullets, more than the 1000/);
  });

  it('a response over the body cap is refused', async () => {
    served.set('/huge.md', Buffer.alloc(3 * 1024 * 1024, 0x61));
    const run = await runCli([
      'criteria',
      'drift',
      `${F}/garden-planners.yaml`,
      '--upstream',
      `${server.origin}/huge.md`,
      '--allow-private-network',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the page is larger than pgcheck reads from any response');
  });
});
