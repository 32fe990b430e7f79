import { describe, expect, it } from 'vitest';
import { pathsReadBy } from '../src/engine/check-paths.js';
import { loadCriteria } from '../src/index.js';

describe('pathsReadBy', () => {
  it('names the fields each shipped check reads, list elements as []', async () => {
    const set = await loadCriteria('photo-management');
    const read = Object.fromEntries(set.criteria.map((criterion) => [criterion.id, pathsReadBy(criterion.check)]));
    expect(read).toEqual({
      e2ee: ['encryption.e2ee'],
      'free-plan': ['pricing.free_plan', 'pricing.trial_days'],
      mfa: ['authentication.mfa', 'authentication.passkey_login'],
      'web-interface': ['web_interface.available', 'web_interface.file_management'],
      export: ['export.all_files'],
      'open-source': [
        'source_code.license',
        'hosting.cloud',
        'source_code.components',
        'source_code.components[].license',
      ],
      audit: ['audits', 'audits[].independent', 'audits[].report'],
    });
    expect(pathsReadBy(set.criteria[0]?.appliesWhen as never)).toEqual(['hosting.cloud']);
  });
});
