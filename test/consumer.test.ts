import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

/** A project elsewhere on disk with pgcheck in its node_modules, as `npm install pgcheck` would leave it. */
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'pgcheck-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(repoRoot, join(project, 'node_modules', 'pgcheck'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(project, 'audit.ts'),
    [
      "import { loadCriteria, evaluate, parseManifest, validateFiles, manifestTemplate, type Verdict } from 'pgcheck';",
      "const set = await loadCriteria('photo-management');",
      "const load = parseManifest('x.yaml', manifestTemplate({ name: 'X', category: set.id }));",
      'if (!load.ok) throw new Error(load.problems[0]?.message);',
      'const verdict: Verdict = evaluate(set, load.loaded.manifest).verdict;',
      'const validation = await validateFiles([]);',
      'console.log(verdict, validation.summary.files);',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('pgcheck as a dependency', () => {
  it("type-checks `import { loadCriteria, evaluate } from 'pgcheck'` against the published types", () => {
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      tsc,
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      'audit.ts',
    ];
    const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
    // tsc takes several seconds, more while the other test files run alongside.
  }, 90_000);

  it('runs the same import under plain Node', () => {
    const script = [
      "import { loadCriteria, evaluate, parseManifest, manifestTemplate } from 'pgcheck';",
      "const set = await loadCriteria('photo-management');",
      "const load = parseManifest('x.yaml', manifestTemplate({ name: 'X', category: set.id }));",
      'console.log(evaluate(set, load.loaded.manifest).verdict);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('incomplete\n');
  });
});
