import fc from 'fast-check';
import { stringify } from 'yaml';
import { fileOperations, mfaMethods } from '../../src/schema/manifest.js';

/**
 * Arbitraries for fuzzing, guided by the zod schemas: each field is usually of the right shape (so
 * evaluation is reached) and sometimes anything at all (so validation is exercised).
 */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
  fc.constantFrom(null, '', '__proto__', 'yes', 1e308, -0, Number.MAX_SAFE_INTEGER + 2, '2026-13-45'),
);
const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: junk });

/** Usually right, now and then a near miss a person might write. */
const rarely = <T>(valid: fc.Arbitrary<T>, ...misses: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 20, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...misses) });

const url = rarely(
  fc.webUrl({ validSchemes: ['https'] }).filter((u) => URL.canParse(u)),
  'ftp://x',
  'javascript:alert(1)',
  'https://',
);
// Evidence dated after today is an error, so a date after 2025 is rare (it would make nearly every manifest invalid).
const calendarDate = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const date = rarely(
  fc.oneof(
    { weight: 19, arbitrary: calendarDate('1990-01-01', '2025-12-31') },
    { weight: 1, arbitrary: calendarDate('2026-01-01', '2100-01-01') },
  ),
  '2026-02-30',
  '2026-13-45',
  '2026-01',
);
const shortText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);
const sources = fc.array(
  fc.oneof(url, fc.record({ url, quote: shortText, retrieved: date }, { requiredKeys: ['url'] })),
  { maxLength: 3 },
);
const license = rarely(
  fc.constantFrom('MIT', 'AGPL-3.0-only', 'GPL-3.0', 'MIT OR Apache-2.0', 'LicenseRef-x'),
  'Proprietary',
  'MIT AND (',
  '',
);

const section = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  mostly(fc.record({ ...fields, sources: mostly(sources) }, { requiredKeys: [] }));

export const manifestValue = fc.record(
  {
    pgcheck: fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: junk }),
    name: mostly(shortText),
    category: fc.oneof(
      { weight: 9, arbitrary: fc.constant('photo-management') },
      { weight: 1, arbitrary: fc.constantFrom('photo-managment', 'note-taking', '../x') },
    ),
    homepage: mostly(url),
    reviewed: mostly(date),
    hosting: section({ cloud: mostly(fc.boolean()), self_hostable: mostly(fc.boolean()) }),
    encryption: section({ e2ee: mostly(rarely(fc.constantFrom('enforced', 'optional', 'none'), 'Enforced')) }),
    pricing: section({
      free_plan: mostly(fc.boolean()),
      free_plan_details: mostly(shortText),
      trial_days: mostly(fc.integer({ min: -5, max: 4000 })),
    }),
    authentication: section({
      mfa: mostly(fc.array(rarely(fc.constantFrom(...mfaMethods), 'u2f'), { maxLength: 6 })),
      passkey_login: mostly(fc.boolean()),
    }),
    web_interface: section({
      available: mostly(fc.boolean()),
      url: mostly(url),
      file_management: mostly(fc.array(fc.constantFrom(...fileOperations), { maxLength: 6 })),
    }),
    export: section({ all_files: mostly(fc.boolean()), methods: mostly(fc.array(shortText, { maxLength: 4 })) }),
    source_code: section({
      repositories: mostly(fc.array(url, { maxLength: 3 })),
      license: mostly(license),
      components: mostly(
        fc.array(fc.record({ name: shortText, license, repository: url }, { requiredKeys: ['name', 'license'] }), {
          maxLength: 3,
        }),
      ),
    }),
    audits: mostly(
      fc.array(
        fc.record(
          { auditor: shortText, date: mostly(date), scope: shortText, independent: fc.boolean(), report: url, sources },
          { requiredKeys: ['auditor', 'date'] },
        ),
        { maxLength: 3 },
      ),
    ),
    facts: mostly(
      fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
        fc.oneof(shortText, fc.integer(), fc.boolean(), fc.array(shortText, { maxLength: 3 })),
        { maxKeys: 4 },
      ),
    ),
  },
  { requiredKeys: ['pgcheck', 'name', 'category'] },
);

const paths = [
  'encryption.e2ee',
  'hosting.cloud',
  'pricing.free_plan',
  'pricing.trial_days',
  'authentication.mfa',
  'source_code.license',
  'source_code.components',
  'audits',
  'facts.x',
  'nope.path',
];
const leaf = fc.oneof(
  fc.record({
    equals: fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof(fc.boolean(), fc.string({ maxLength: 8 }), fc.integer()),
    }),
  }),
  fc.record({
    'one-of': fc.record({
      path: fc.constantFrom(...paths),
      values: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    }),
  }),
  fc.record({
    'includes-any': fc.record({
      path: fc.constantFrom(...paths),
      values: fc.array(fc.constantFrom(...mfaMethods), { maxLength: 3 }),
    }),
  }),
  fc.record({ 'at-least': fc.record({ path: fc.constantFrom(...paths), value: fc.integer({ min: -2, max: 10 }) }) }),
  fc.record({ 'non-empty': fc.record({ path: fc.constantFrom(...paths) }) }),
  fc.record({ 'osi-approved': fc.record({ path: fc.constantFrom(...paths) }) }),
  junk.map((value) => ({ equals: value })),
);
const check: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ some: fc.record({ path: fc.constantFrom('audits', 'source_code.components'), check: tie('node') }) }),
  ),
})).node;

export const criteriaValue = fc.record(
  {
    pgcheck_criteria: mostly(fc.constant(1)),
    id: fc.constant('photo-management'),
    title: mostly(shortText),
    source: mostly(url),
    revision: mostly(date),
    criteria: mostly(
      fc.array(
        fc.record(
          {
            id: fc.stringMatching(/^[a-z]{1,6}$/),
            level: mostly(fc.constantFrom('minimum', 'best-case')),
            text: shortText,
            judged: shortText,
            check,
            applies_when: check,
          },
          { requiredKeys: ['id', 'level', 'text', 'judged', 'check'] },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    ),
  },
  { requiredKeys: ['pgcheck_criteria', 'id', 'title', 'source', 'revision', 'criteria'] },
);

/** A value as YAML or as JSON (a YAML subset), the two ways people write manifests. */
export const asText = (value: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc
    .tuple(value, fc.boolean())
    .map(([v, json]) =>
      json ? (JSON.stringify(v, null, 2) ?? 'null') : stringify(v, { aliasDuplicateObjects: false }),
    );

/** A valid text with a few characters replaced, inserted or removed: nearly-right YAML. */
export const mutated = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => edits.reduce((t, [at, remove, insert]) => t.slice(0, at) + insert + t.slice(at + remove), text));

const yamlNoise = fc.constantFrom(
  ': ',
  '- ',
  '&a ',
  '*a',
  '<<: ',
  '!!binary ',
  '!tag ',
  '---\n',
  '...\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|\n',
  '>\n',
  '#',
  '\t',
  '\r\n',
  '\n  ',
  '? ',
  '%YAML 1.1\n',
  '\ufeff',
);
/** Text built from YAML's syntax characters: reaches the parser's corners faster than random text. */
export const yamlish = fc
  .array(fc.oneof(yamlNoise, fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Raw bytes, for the decoder: any file may be handed to pgcheck. */
export const rawBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
);
