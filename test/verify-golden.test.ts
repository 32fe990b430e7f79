import { describe, expect, it } from 'vitest';
import { runCli, transcript } from './helpers/cli.js';

const V = 'test/fixtures/verify/offline';

/**
 * `pgcheck verify` runs that reach no server at all (nothing to fetch, invalid input, or refused
 * loopback addresses), pinned like the other golden tests in test/golden/<name>.txt.
 */
const cases: Record<string, string[]> = {
  'verify-nothing-online': ['verify', `${V}/nothing-online.yaml`],
  'verify-refused-private': ['verify', `${V}/refused.yaml`, '--github-api', 'http://127.0.0.1:9'],
  'verify-refused-private-github': [
    'verify',
    `${V}/refused.yaml`,
    '--github-api',
    'http://127.0.0.1:9',
    '--format',
    'github',
  ],
  'verify-invalid-github': [
    'verify',
    'test/fixtures/manifests/typo-key.yaml',
    `${V}/nothing-online.yaml`,
    '--format',
    'github',
  ],
  'verify-refused-private-json': [
    'verify',
    `${V}/refused.yaml`,
    '--github-api',
    'http://127.0.0.1:9',
    '--format',
    'json',
  ],
  'verify-invalid-files': [
    'verify',
    'test/fixtures/manifests/typo-key.yaml',
    `${V}/nothing-online.yaml`,
    'test/fixtures/manifests/malformed.yaml',
  ],
  'verify-invalid-junit': [
    'verify',
    'test/fixtures/manifests/wrong-type.yaml',
    `${V}/nothing-online.yaml`,
    '--format',
    'junit',
  ],
  'verify-bad-timeout': ['verify', '--timeout', '-1', V],
  'verify-no-paths': ['verify'],
};

describe('golden verify runs', () => {
  for (const [name, args] of Object.entries(cases)) {
    it(name, async () => {
      await expect(transcript(await runCli(args))).toMatchFileSnapshot(`golden/${name}.txt`);
    });
  }
});
