import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `html-browser.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium), so the headless HTML test is skipped`,
  );

/** Flags that keep Chromium from opening any connection beyond this machine. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

describe.skipIf(!hasChromium)('the html report in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-html-'));
  let context: BrowserContext;
  const remoteRequests: string[] = [];

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    // Only the page's own file may load; anything else is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      remoteRequests.push(url);
      return route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    return { page, pwned, dialogs };
  }

  it('detects a script when one does run (a control page without pgcheck)', async () => {
    const { pwned } = await open('<!DOCTYPE html><p>control</p><script>window.__pwned=1</script>', 'control.html');
    expect(pwned).toBe(1);
  });

  it.each([
    ['evaluate', 'awkward-evaluate.html'],
    ['compare', 'awkward-compare.html'],
  ])(
    '%s: renders the summary, the matrix and the results, and runs no script from a manifest',
    async (command, name) => {
      const run = await runCli([
        command,
        'test/fixtures/awkward',
        '--criteria',
        'test/fixtures/awkward/criteria.yaml',
        '--format',
        'html',
      ]);
      expect(run.code).toBe(2);
      const { page, pwned, dialogs } = await open(run.stdout, name);
      expect(pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(remoteRequests).toEqual([]);
      expect(await page.locator('#summary').innerText()).toContain('1 candidate: 0 meet the minimum, 1 fails it');
      const matrix = page.locator('section.matrix table');
      expect(await matrix.locator('tbody tr').count()).toBe(9); // 7 criteria, verdict, best case
      const header = await matrix.locator('thead th').nth(2).innerText();
      expect(header).toContain('<script>window.__pwned=1</script>');
      // The stylesheet is allowed by its hash in the Content-Security-Policy: a wrong hash would drop it.
      expect(await matrix.evaluate((table) => getComputedStyle(table).borderCollapse)).toBe('collapse');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('section.candidate').count()).toBe(1);
      expect(await page.locator('section.errors').innerText()).toContain('awkward-invalid.yaml:5:1');
      await page.close();
    },
  );
});
