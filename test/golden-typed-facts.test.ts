import { describe, expect, it } from 'vitest';
import { runPinned, transcript } from './helpers/cli.js';

const DIR = 'test/fixtures/typed-facts';
const SET = `${DIR}/password-managers.yaml`;

/**
 * A second category from YAML alone, typed end to end: a set declaring facts of every type (here or
 * in the set it extends, test/fixtures/typed-facts/general.yaml), read with at-most, count-at-least
 * and within among the other operators, and candidates giving facts in the short and the long form
 * (with their own sources). Each case pins stdout, stderr and exit code in
 * test/golden-typed-facts/<name>.txt.
 */
const cases: Record<string, string[]> = {
  'evaluate-table': ['evaluate', '--criteria', SET, `${DIR}/candidates`],
  'evaluate-json': ['evaluate', '--criteria', SET, `${DIR}/candidates`, '--format', 'json'],
  'evaluate-invalid-facts': [
    'evaluate',
    '--criteria',
    SET,
    `${DIR}/invalid/typos.yaml`,
    `${DIR}/candidates/vaultly.yaml`,
  ],
  'validate-every-error': ['validate', '--criteria', SET, DIR],
  'schema-category': ['schema', '--category', SET],
  'init-category': ['init', '--name', 'New Vault', '--category', SET],
  'criteria-show': ['criteria', 'show', SET],
  'criteria-show-json': ['criteria', 'show', SET, '--format', 'json'],
};

describe('golden runs of a category with declared facts', () => {
  it.each(Object.entries(cases))('%s', async (name, args) => {
    await expect(transcript(await runPinned(args))).toMatchFileSnapshot(`golden-typed-facts/${name}.txt`);
  });
});
