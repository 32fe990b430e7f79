import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { readAction, runAction } from './helpers/action-runner.js';
import { repoRoot } from './helpers/cli.js';
import { ciDocsYaml, OFFLINE_ENV, scratchRepository } from './helpers/scratch-repo.js';

const action = readAction(join(repoRoot, 'action.yml'));
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dirname(dir), { recursive: true, force: true });
});

function workspace(): string {
  const dir = scratchRepository('pgcheck-action-');
  scratch.push(dir);
  return dir;
}

/** The action's steps as the docs/ci.md workflow calls them, in a scratch repository, offline. */
function runDocsWorkflow(dir: string) {
  const steps: any[] = ciDocsYaml('workflow').jobs.evaluate.steps;
  const step = steps.find(
    (candidate) => typeof candidate.uses === 'string' && candidate.uses.startsWith('pgcheck/pgcheck@'),
  );
  return { step, steps, run: runAction(repoRoot, { workspace: dir, inputs: step.with, env: OFFLINE_ENV }) };
}

describe('action.yml', () => {
  it('is a composite action whose scripts take inputs only through env (no ${{ }} spliced into a script)', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['sarif', 'exit-code']));
  });

  it('runs as the docs/ci.md workflow calls it: annotations, SARIF output, junit, step summary, exit 1', () => {
    const dir = workspace();
    const { step, steps, run } = runDocsWorkflow(dir);
    expect(run.stderr).not.toMatch(/ERR!|npm error/);
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    // Annotations on the manifest's line, for the pull request.
    expect(run.stdout).toMatch(
      /^::error file=candidates\/stingle\.yaml,line=\d+,col=\d+,title=pgcheck%3A mfa \(minimum\) fail::/m,
    );
    // The SARIF output is a file the upload step of the same workflow is given.
    const upload = steps.find((candidate) => String(candidate.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.with.sarif_file).toBe(`\${{ steps.${step.id}.outputs.sarif }}`);
    const sarif = JSON.parse(readFileSync(run.outputs.sarif ?? '', 'utf8'));
    expect(sarif.runs[0].versionControlProvenance[0]).toMatchObject({ branch: 'main' });
    expect(
      sarif.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri),
    ).toContain('candidates/stingle.yaml');
    // The workflow's extra report, relative to the workspace.
    const junit = readFileSync(join(dir, step.with.reports.replace(/^junit=/, '')), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    // The step summary: a markdown table of the verdicts.
    expect(run.summary).toContain('| candidate | file | criteria | verdict | best case | stale |');
    expect(run.summary).toContain(
      '| Ente Photos | candidates/ente.yaml | photo-management | ✅ meets the minimum | 1/1 |  |',
    );
    expect(run.summary).toContain(
      '| Stingle Photos | candidates/stingle.yaml | photo-management | ❌ fails the minimum | 0/1 |  |',
    );
    expect(run.summary).toMatch(
      /^3 candidates: 2 meet the minimum, 1 fail it, 0 incomplete \(as of \d{4}-\d\d-\d\d, exit code 1\)\.$/m,
    );
  }, 300_000);

  it('exits 0 when every candidate meets the minimum, and passes criteria and evidence options on', () => {
    const dir = workspace();
    const run = runAction(repoRoot, {
      workspace: dir,
      inputs: {
        paths: 'candidates/ente.yaml',
        criteria: 'photo-management',
        'require-evidence': 'true',
        sarif: 'out/ente.sarif',
      },
      env: OFFLINE_ENV,
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'exit-code': '0', sarif: 'out/ente.sarif' });
    expect(existsSync(join(dir, 'out', 'ente.sarif'))).toBe(true);
    expect(run.summary).toContain('| Ente Photos |');
    expect(run.summary).not.toContain('Stingle');
  }, 300_000);

  it('exits 2 for an invalid manifest, with its problems in the summary, and with hostile names escaped', () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'candidates', 'broken.yaml'),
      'pgcheck: 1\nname: Broken\ncategory: photo-management\nweb_interfce: {}\n',
    );
    const ente = readFileSync(join(dir, 'candidates', 'ente.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'candidates', 'hostile.yaml'),
      ente.replace(/^name: .*$/m, 'name: "<img src=x> | *x* [a](javascript:1)"'),
    );
    const run = runAction(repoRoot, {
      workspace: dir,
      inputs: { paths: 'candidates', 'fail-on': 'unknown,stale' },
      env: OFFLINE_ENV,
    });
    expect(run.code).toBe(2);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toMatch(/^::error file=candidates\/broken\.yaml,line=4,col=1,title=pgcheck%3A invalid input::/m);
    expect(run.summary).toContain('1 file with errors');
    expect(run.summary).toMatch(/^- candidates\/broken\.yaml:4:1: web\\_interfce: unknown key/m);
    expect(run.summary).toContain(
      '| \\<img src=x\\> \\| \\*x\\* \\[a\\]\\(javascript:1\\) | candidates/hostile.yaml |',
    );
  }, 300_000);

  it('says so in the summary when pgcheck wrote no report (a usage error)', () => {
    const run = runAction(repoRoot, {
      workspace: workspace(),
      inputs: { paths: 'candidates', 'fail-on': 'never' },
      env: OFFLINE_ENV,
    });
    expect(run.code).toBe(2);
    expect(run.summary).toContain("pgcheck wrote no report (exit code 2): see the step's log for why.");
  }, 300_000);
});
