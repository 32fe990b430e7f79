import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { MIRRORED_YAML_VERSION } from '../src/load/plain-yaml.js';

const require = createRequire(import.meta.url);

// src/load/plain-yaml.ts mirrors rules of yaml's composer: another yaml release could change a value
// with no error, so the installed release must be the one the fast path was checked against.
test('the installed yaml is the release the plain-YAML fast path mirrors', () => {
  const installed = (JSON.parse(readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version: string })
    .version;
  const pinned = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies.yaml;
  const advice = `src/load/plain-yaml.ts mirrors yaml ${MIRRORED_YAML_VERSION}: with yaml ${installed} installed, run \`npx vitest run test/plain-yaml.test.ts\` and \`npm run fuzz\`, review yaml's src/compose/ and src/parse/ changes since ${MIRRORED_YAML_VERSION}, then update MIRRORED_YAML_VERSION and package.json's exact "yaml" version together`;
  expect(installed, advice).toBe(MIRRORED_YAML_VERSION);
  expect(pinned, `package.json must pin yaml to exactly ${MIRRORED_YAML_VERSION} (no ^ or ~): ${advice}`).toBe(
    MIRRORED_YAML_VERSION,
  );
});
