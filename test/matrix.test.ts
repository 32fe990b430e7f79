import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatrices } from '../src/report/matrix.js';
import { quietReport } from '../src/report/quiet.js';
import { evaluateFiles } from '../src/run/evaluate-files.js';
import { sampleReport } from './helpers/sample-report.js';

describe('buildMatrices', () => {
  const criteriaDir = mkdtempSync(join(tmpdir(), 'pgcheck-sets-'));
  copyFileSync('criteria/photo-management.yaml', join(criteriaDir, 'photo-management.yaml'));
  copyFileSync('test/fixtures/second-category/note-taking.yaml', join(criteriaDir, 'note-taking.yaml'));
  afterAll(() => rmSync(criteriaDir, { recursive: true, force: true }));

  it('makes one matrix per criteria set when candidates were judged against different sets', async () => {
    const report = await evaluateFiles(['candidates/photo-management', 'test/fixtures/second-category/candidates'], {
      criteriaDir,
    });
    const matrices = buildMatrices(report);
    expect(matrices.map((matrix) => matrix.criteria.id)).toEqual(['photo-management', 'note-taking']);
    const photos = matrices.find((matrix) => matrix.criteria.id === 'photo-management');
    expect(photos?.candidates.map((candidate) => candidate.name)).toEqual([
      'Ente Photos',
      'PhotoPrism',
      'Stingle Photos',
    ]);
    expect(photos?.rows.map((row) => row.criterion)).toEqual([
      'e2ee',
      'free-plan',
      'mfa',
      'web-interface',
      'export',
      'open-source',
      'audit',
    ]);
    const notes = matrices.find((matrix) => matrix.criteria.id === 'note-taking');
    expect(notes?.candidates).toHaveLength(2);
    for (const matrix of matrices)
      for (const row of matrix.rows) expect(row.cells).toHaveLength(matrix.candidates.length);
  });

  it('keeps, when quiet, only candidates below the minimum and the rows they fail or leave unknown', () => {
    const [matrix] = buildMatrices(sampleReport(), { quiet: true });
    expect(matrix?.candidates).toHaveLength(1);
    expect(matrix?.rows.map((row) => row.criterion)).toEqual(['alpha', 'gamma']);
  });

  it('shows a null cell where a candidate has no result for a criterion', () => {
    const [matrix] = buildMatrices(quietReport(sampleReport()));
    expect(matrix?.rows.find((row) => row.criterion === 'beta')?.cells).toEqual([null]);
  });
});
