import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { evaluateManifest } from '../src/engine/evaluate.js';
import { loadCriteria, parseManifest } from '../src/index.js';

/** Runs the CLI in-process (test/helpers/cli.ts), as `{ code, out, err }`. */
async function run(...args: string[]) {
  const { code, stdout, stderr } = await runCli([...args, '--as-of', '2026-08-01']);
  return { code, out: stdout, err: stderr };
}

const SOURCE = 'https://www.privacyguides.org/en/photo-management/#criteria';

describe('the engine names the sources behind each result (issue 14, item 3)', () => {
  it('from the sections, audits and facts the result relied on, as evidence checking does', async () => {
    const set = await loadCriteria('photo-management');
    const load = parseManifest(
      'x.yaml',
      `pgcheck: 1
name: X
category: photo-management
hosting: { cloud: true, sources: [https://example.org/hosting] }
encryption: { e2ee: enforced, sources: [{ url: https://example.org/e2ee, retrieved: 2026-01-01 }, https://example.org/e2ee-2] }
pricing: { free_plan: true }
audits:
  - { auditor: A, date: 2024-01, independent: true, report: https://example.org/audit, sources: [https://example.org/audit-post] }
`,
    );
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const results = evaluateManifest(set, load.loaded.manifest, { asOf: '2026-08-01' }).results;
    const sourcesOf = (id: string) => results.find((result) => result.criterion === id)?.sources;
    expect(sourcesOf('e2ee')).toEqual([
      'https://example.org/hosting',
      'https://example.org/e2ee',
      'https://example.org/e2ee-2',
    ]);
    expect(sourcesOf('free-plan')).toEqual([]);
    expect(sourcesOf('audit')).toEqual(['https://example.org/audit', 'https://example.org/audit-post']);
  });
});

describe('json carries homepage and sources', () => {
  it('as new fields, leaving the others as they were', async () => {
    const report = JSON.parse((await run('evaluate', 'candidates/photo-management/ente.yaml', '--format', 'json')).out);
    const [ente] = report.candidates;
    expect(ente.homepage).toBe('https://ente.io');
    const e2ee = ente.results.find((result: { criterion: string }) => result.criterion === 'e2ee');
    expect(e2ee.sources).toEqual(
      expect.arrayContaining(['https://ente.io/architecture', 'https://github.com/ente-io/ente#readme']),
    );
    expect(typeof e2ee.line).toBe('number');
  });
});

describe('markdown (issue 14, item 3)', () => {
  it('shows the day, the criteria set with revision and source, the homepage and each result’s sources, without a line column', async () => {
    const { out } = await run('evaluate', 'candidates/photo-management/ente.yaml', '--format', 'markdown');
    expect(out).toContain('As of 2026-08-01.');
    expect(out).toContain(
      `Photo Management (photo-management), revision 2024-08-01, from [www.privacyguides.org/en/photo-management/\\#criteria](${SOURCE})`,
    );
    expect(out).toContain('homepage: [ente.io](https://ente.io)');
    expect(out).toContain('| criterion | level | status | reason | sources |');
    expect(out).not.toMatch(/\| line \|/);
    const e2ee = out.split('\n').find((line) => line.startsWith('| e2ee |'));
    expect(e2ee).toContain('[ente.io/architecture](https://ente.io/architecture)');
  });
  it('compare: the day, the source of the set, homepages and a list of sources per result', async () => {
    const { out } = await run(
      'compare',
      'candidates/photo-management/ente.yaml',
      'candidates/photo-management/stingle.yaml',
      '--format',
      'markdown',
    );
    expect(out).toContain('As of 2026-08-01.');
    expect(out).toContain(
      `revision 2024-08-01, from [www.privacyguides.org/en/photo-management/\\#criteria](${SOURCE})`,
    );
    expect(out).toContain('[Ente Photos](https://ente.io)');
    expect(out).toMatch(/^- Ente Photos, e2ee: .*\[ente\.io\/architecture\]\(https:\/\/ente\.io\/architecture\)/m);
  });
});

describe('html (issue 14, item 3)', () => {
  it('shows the day, the criteria set with revision and source, the homepage and each result’s sources as links, without a line column', async () => {
    const { out } = await run('evaluate', 'candidates/photo-management/ente.yaml', '--format', 'html');
    expect(out).toContain('As of 2026-08-01.');
    expect(out).toContain(`revision 2024-08-01, from <a href="${SOURCE}" rel="noreferrer noopener">`);
    expect(out).toContain('homepage: <a href="https://ente.io" rel="noreferrer noopener">ente.io</a>');
    expect(out).toContain('<a href="https://ente.io/architecture" rel="noreferrer noopener">ente.io/architecture</a>');
    expect(out).not.toContain('<th>line</th>');
    expect(out).toContain('<th>sources</th>');
  });
  it('the compare matrix shows each reason as visible text, not only as a title', async () => {
    const { out } = await run(
      'compare',
      'candidates/photo-management/ente.yaml',
      'candidates/photo-management/stingle.yaml',
      '--format',
      'html',
    );
    const matrix = out.slice(out.indexOf('<section class="matrix">'), out.indexOf('</section>'));
    expect(matrix).toContain(
      '<small>authentication.mfa is empty, needs totp or fido2; or authentication.passkey_login is false, needs true</small>',
    );
    expect(matrix).not.toContain('title=');
  });
});
