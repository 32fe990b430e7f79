import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { readAction } from './helpers/action-runner.js';
import { repoRoot } from './helpers/cli.js';
import { ciDocsBlock, ciDocsYaml, OFFLINE_ENV, scratchRepository } from './helpers/scratch-repo.js';

// The GitHub workflow and the pre-commit configuration of docs/ci.md are run by action.test.ts and
// pre-commit.test.ts; this file runs the plain shell job and holds the action's tables to action.yml.
const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

describe('docs/ci.md', () => {
  it("runs the GitLab job's pgcheck command, offline: junit where the job collects it, exit 1", () => {
    const job = ciDocsYaml('gitlab').pgcheck;
    const command: string = job.script.find((line: string) => line.startsWith('npx pgcheck '));
    const dir = scratchRepository('pgcheck-ci-docs-');
    cleanup.push(dirname(dir));
    const run = spawnSync('bash', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...OFFLINE_ENV },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^3 candidates: 2 meet the minimum, 1 fails it/m);
    expect(run.status).toBe(1);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(join(dir, job.artifacts.reports.junit), 'utf8'),
    );
    expect(junit.testsuites.testsuite.map((suite: { name: string }) => suite.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Stingle Photos')]),
    );
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'pgcheck.sarif'), 'utf8')).version).toBe('2.1.0');
    // Jenkins runs the very same command.
    expect(ciDocsBlock('jenkins')).toContain(`sh '${command}'`);
    expect(ciDocsBlock('jenkins')).toContain(`junit '${job.artifacts.reports.junit}'`);
  }, 120_000);

  it('lists every input and output of action.yml with its default', () => {
    const action = readAction(join(repoRoot, 'action.yml'));
    const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
    const rows = (header: string) => {
      const table = doc.slice(doc.indexOf(header));
      return table
        .slice(0, table.indexOf('\n\n'))
        .split('\n')
        .slice(2)
        .map((row) => row.split('|').map((cell) => cell.trim()));
    };
    const inputs = rows('| input | default | meaning |');
    expect(inputs.map((row) => row[1])).toEqual(Object.keys(action.inputs).map((name) => `\`${name}\``));
    for (const row of inputs) {
      const declared = action.inputs[(row[1] ?? '').replace(/`/g, '')]?.default ?? '';
      if (declared !== '') expect([row[1], row[2]]).toEqual([row[1], `\`${declared}\``]);
    }
    expect(rows('| output | meaning |').map((row) => row[1])).toEqual(
      Object.keys(action.outputs).map((name) => `\`${name}\``),
    );
  });
});
