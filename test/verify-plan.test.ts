import { describe, expect, it } from 'vitest';
import { parseCriteria } from '../src/index.js';
import type { Manifest } from '../src/schema/manifest.js';
import { planChecks } from '../src/verify/plan.js';

/**
 * The verify plan comes from the manifest's schema, not from a list of field names: every list of
 * sources, every URL the schema marks as a page that must answer (web_interface.url, an audit's
 * report, a declared url fact, short or long form) and every repository URL, with the licence of the
 * object it sits in.
 */
const SET = `pgcheck_criteria: 1
id: plan-test
title: T
source: https://example.org/
revision: 2026-01-01
facts:
  whitepaper: { type: url, text: The whitepaper. }
  changelog: { type: url, text: The changelog. }
criteria:
  - { id: c, level: minimum, text: T, judged: J, check: { non-empty: { path: facts.whitepaper } } }
`;

describe('the verify plan', () => {
  it('finds every kind of evidence through the schema, in the order of the file', () => {
    const load = parseCriteria('set.yaml', SET);
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const manifest = {
      pgcheck: 1,
      name: 'Tool',
      category: 'plan-test',
      homepage: 'https://tool.example/',
      web_interface: { available: true, url: 'https://app.example/', sources: ['https://tool.example/web'] },
      source_code: {
        repositories: ['https://github.com/o/client'],
        license: 'MIT',
        components: [{ name: 'server', license: 'AGPL-3.0-only', repository: 'https://github.com/o/server' }],
        sources: ['https://github.com/o/client/blob/main/LICENSE'],
      },
      audits: [{ auditor: 'A', date: '2025', report: 'https://audit.example/report.pdf' }],
      facts: {
        whitepaper: 'https://tool.example/whitepaper.pdf',
        changelog: { value: 'https://tool.example/changes', sources: ['https://tool.example/about'] },
      },
    } as unknown as Manifest;
    const planned = planChecks(manifest, new Set(['github.com']), load.set.facts).map((check) =>
      check.kind === 'repository'
        ? `repository ${check.repository.fullName} ${check.path.join('.')} licences ${check.licences.map((licence) => `${licence.expression}@${licence.path.join('.')}`).join(',')}`
        : `${check.kind} ${check.url} ${check.path.join('.')}`,
    );
    expect(planned).toEqual([
      'reachable https://app.example/ web_interface.url',
      'reachable https://tool.example/web web_interface.sources.0',
      'repository o/client source_code.repositories.0 licences MIT@source_code.license',
      'repository o/server source_code.components.0.repository licences AGPL-3.0-only@source_code.components.0.license',
      'reachable https://github.com/o/client/blob/main/LICENSE source_code.sources.0',
      'reachable https://audit.example/report.pdf audits.0.report',
      'reachable https://tool.example/whitepaper.pdf facts.whitepaper',
      'reachable https://tool.example/changes facts.changelog.value',
      'reachable https://tool.example/about facts.changelog.sources.0',
    ]);
  });
});
