import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/load/discover.js';
import { repoRoot } from './helpers/cli.js';

describe('discoverFiles', () => {
  it('takes a file once however its path is spelled, also when its directory is given too', async () => {
    process.chdir(repoRoot);
    const found = await discoverFiles([
      'candidates/photo-management',
      'candidates/photo-management/ente.yaml',
      './candidates/photo-management/ente.yaml',
      'candidates//photo-management/ente.yaml',
    ]);
    expect(found.files).toEqual([
      'candidates/photo-management/ente.yaml',
      'candidates/photo-management/photoprism.yaml',
      'candidates/photo-management/stingle.yaml',
    ]);
  });
});
