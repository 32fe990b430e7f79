import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type Limits, withDefaults } from '../src/load/limits.js';
import { MAX_PLAIN_DEPTH, parsePlainYaml } from '../src/load/plain-yaml.js';
import { locate, parseYaml, parseYamlFully } from '../src/load/source.js';
import type { Path } from '../src/path.js';
import { asText, criteriaValue, manifestValue, mutated, yamlish } from './fuzz/arbitraries.js';
import { fuzzSettings, propertyTimeout, shipped } from './fuzz/settings.js';
import { repoRoot } from './helpers/cli.js';

const limits = withDefaults();

function takesFastPath(text: string, given: Limits = limits): boolean {
  return parsePlainYaml(text, new LineCounter(), given) !== undefined;
}

/** Every path in a value, and for each mapping and list one child that is not there. */
function pathsOf(value: unknown, base: Path = []): Path[] {
  const paths: Path[] = [base];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...pathsOf(item, [...base, index]));
    paths.push([...base, value.length], [...base, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...base, key]));
    paths.push([...base, 'not-a-key'], [...base, 0]);
  }
  return paths;
}

/**
 * The fast path's contract: where it answers, the full parse finds no problem and gives the same
 * value, the same position for every path (value and key) and the same file kind. Returns whether it answered.
 */
function holdsToFullParse(text: string, given: Limits = limits): boolean {
  if (!takesFastPath(text, given)) return false;
  const fast = parseYaml('f.yaml', text, given);
  const full = parseYamlFully('f.yaml', text, given);
  expect(full.problems).toEqual([]);
  expect(fast.problems).toEqual([]);
  expect(fast.value).toStrictEqual(full.value);
  for (const path of pathsOf(full.value)) {
    expect(locate(fast.source, path), `${JSON.stringify(path)} in ${JSON.stringify(text)}`).toEqual(
      locate(full.source, path),
    );
    expect(locate(fast.source, path, { key: true }), `key of ${JSON.stringify(path)}`).toEqual(
      locate(full.source, path, { key: true }),
    );
  }
  const topKeys = full.value !== null && typeof full.value === 'object' ? Object.keys(full.value) : [];
  for (const key of ['pgcheck_criteria', 'pgcheck', 'absent', ...topKeys])
    expect(fast.source.tree.declares(key), key).toBe(full.source.tree.declares(key));
  return true;
}

/** How deep a value nests (a mapping or list at the top is 1 level) and its longest string, keys included. */
function extentOf(value: unknown, depth = 0): { depth: number; longest: number } {
  if (typeof value === 'string') return { depth, longest: value.length };
  if (value === null || typeof value !== 'object') return { depth, longest: 0 };
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item: unknown) => ['', item])
    : Object.entries(value);
  return entries.reduce(
    (extent, [key, child]) => {
      const inner = extentOf(child, depth + 1);
      return {
        depth: Math.max(extent.depth, inner.depth),
        longest: Math.max(extent.longest, key.length, inner.longest),
      };
    },
    { depth: depth + 1, longest: 0 },
  );
}

/** Holds the fast path to the full parse on `share` of the fuzz cases; it must have answered on some, not only declined. */
function holdsOnSomeOf(texts: fc.Arbitrary<string>, share: number): void {
  let taken = 0;
  fc.assert(
    fc.property(texts, (text) => {
      if (holdsToFullParse(text)) taken += 1;
    }),
    fuzzSettings(share),
  );
  expect(taken).toBeGreaterThan(0);
}

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') || name.endsWith('.yml') ? [path] : [];
  });
}

/** Comment lines and trailing comments put in at line ends, as people annotate manifests. */
const commented = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      text,
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.boolean(),
          fc.string({ maxLength: 12 }).map((s) => s.replace(/[\n\r]/g, '')),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([source, notes]) => {
      const lines = source.split('\n');
      for (const [at, ownLine, note] of notes) {
        const index = at % lines.length;
        const line = lines[index] as string;
        const indent = /^ */.exec(line)?.[0] ?? '';
        if (ownLine) lines.splice(index, 0, `${indent}# ${note}`);
        else lines[index] = `${line} # ${note}`;
      }
      return lines.join('\n');
    });

/** Values written in several styles: block or flow, plain or quoted strings. */
const styled = (value: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc
    .tuple(
      value,
      fc.constantFrom(undefined, 1, 2, 3),
      fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL') as fc.Arbitrary<'PLAIN'>,
      fc.constantFrom(2, 4),
    )
    .map(([v, flowLevel, defaultStringType, indent]) =>
      stringify(v, {
        aliasDuplicateObjects: false,
        defaultStringType,
        indent,
        ...(flowLevel === undefined ? {} : { flowLevel }),
      }),
    );

/** Strings of the characters YAML's syntax turns on, and words that resolve to other types, so quoting, escaping and folding all get exercised. */
const trickyString = fc.oneof(
  fc.constantFrom(
    'null',
    '~',
    'True',
    'FALSE',
    '1',
    '-0',
    '+7',
    '007',
    '0o7',
    '0x1F',
    '1e3',
    '.5',
    '.inf',
    '.NaN',
    '9007199254740993',
    '2001-01-01',
    'yes',
    '',
    ' ',
    '-',
    '---',
    '...',
    '- a',
    'a: b',
    'a #b',
    '#',
    '<<',
  ),
  fc
    .array(
      fc.constantFrom(
        'a',
        'b',
        ' ',
        ' ',
        ':',
        '#',
        '-',
        '?',
        ',',
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        '\\',
        '\n',
        '0',
        '.',
        '~',
        '|',
        '>',
        '!',
        '&',
        '*',
        '%',
        '@',
        '`',
        '\u0085',
        '\u2028',
        '\u00a0',
        '\u{1F600}',
        'é',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

const trickyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** yaml's stringify options that change layout: folding at narrow widths, key and string quoting, flow and block styles. */
const layout: fc.Arbitrary<ToStringOptions> = fc.record(
  {
    indent: fc.constantFrom(1, 2, 4),
    lineWidth: fc.constantFrom(0, 12, 80),
    minContentWidth: fc.constantFrom(0, 20),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    flowLevel: fc.constantFrom(0, 1, 2),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indentSeq: fc.boolean(),
    flowCollectionPadding: fc.boolean(),
    doubleQuotedAsJSON: fc.boolean(),
    doubleQuotedMinMultiLineLength: fc.constantFrom(0, 40),
    blockQuote: fc.constantFrom<ToStringOptions['blockQuote']>(true, false, 'literal', 'folded'),
  },
  { requiredKeys: [] },
);

/** A document start before, a document end or blank lines after: the markers people leave in files. */
const framed = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('', '', '---\n', '--- # c\n', '# c\n---\n', '\n'),
      text,
      fc.constantFrom('', '', '\n', '\n\n', '...\n', '# end'),
    )
    .map((parts) => parts.join(''));

const trickyText = framed(
  commented(
    fc
      .tuple(fc.dictionary(trickyString, trickyValue, { minKeys: 1, maxKeys: 4 }), layout)
      .map(([value, options]) => stringify(value, { aliasDuplicateObjects: false, ...options })),
  ),
);

// Corners of YAML's syntax near the fast path's edge: quoted and block scalars over lines, flow
// collections, indentation, markers, comments, numbers and strings that look like other things.
const corners = [
  'a: "x\ny"\n',
  'a: "x\n  y"\n',
  'a:\n  b: "x\n  y"\n',
  'a:\n  b: "x\n y"\n',
  "a: 'x\n\n  y'\n",
  '<<: 1\n',
  'a:\n  <<: {b: 1}\n',
  'a: - b\n',
  'a:\n- b\n- c\n',
  'a:\n  - b\n - c\n',
  '- a\n',
  'a: |\n b\n',
  'a: |\nb\n',
  'a: >\n  x\n\n  y\n',
  'a: |2\n    x\n',
  'a:\n  |\n  x\n',
  'a: b\n  c: d\n',
  'a: b #c\n  d\n',
  'a: [b, c]x\n',
  'a: [b]  #c\n',
  'a: {b: c}\n',
  'a: {"b":c}\n',
  'a: {b: [c, d], e: {f: g}}\n',
  'a: [{b: c}]\n',
  'a: [[b]]\n',
  "a: ['b''c']\n",
  'a: "\\u0041"\n',
  'a: "\\q"\n',
  'a: @x\n',
  'a: `x\n',
  'a: %x\n',
  'a: x #c\n#d\nb: 1\n',
  'a:  \n  b\n',
  '"a\nb": 1\n',
  'a: 1\n...\n',
  'a: 1\n--- \n',
  '--- a: 1\n',
  '---\n\na: 1\n',
  '--- # c\na: 1\n',
  'a: [b,c]\n',
  'a: [b , c]\n',
  'a: {b: c, }\n',
  'a: { b: c }\n',
  'a: -1\nb: +1\nc: 007\nd: -0\n',
  'a: 0o7\n',
  'a: .inf\n',
  'a: 1e3\n',
  'a: 1_000\n',
  'a: 12:30\n',
  'a: yes\nb: no\nc: on\n',
  'a: "~"\nb: ""\nc: \'\'\n',
  'a: ""\n',
  'a: x\n  # c\n  y\n',
  'a:\n  - b\n  # c\n  - d\n',
  'a:\n  - b\n  -\n  - c\n',
  'a:\n  -\n    b: 1\n',
  'a:\n  - - b\n    - c\n',
  'a: !x\n',
  'a: *x\n',
  'a: "x" y\n',
  'a: [b]: c\n',
  'x\n',
  'a: 1\n  b: 2\n',
  '  a: 1\n  b: 2\n',
  '  a: 1\n b: 2\n',
  'a: [\n]\n',
  'a: {}\nb: []\n',
  'a: [ ]\n',
  'a: >-\n\n  x\n',
  '#c\n',
  '',
  'a: 1 # c\n# d\n  # e\n',
  // Line and space characters YAML does not treat as such, lone surrogates, escapes of them.
  'a: x\u0085y\n',
  'a\u0085: 1\n',
  'a: x\u2028  y\n',
  'a: \u00a0\n',
  '\u00a0a: 1\n',
  'a: \ud83d\n',
  '\ud800: 1\n',
  'a: "\\ud83d"\n',
  'a: "\\N\\_\\L\\P"\n',
  'a: [\ud800, a\u2028b]\n',
  // Empty and adjacent keys, flow items that look like pairs, comments between a list's items.
  '"": a\n',
  "'': a\n",
  'a: {"": b}\n',
  'a: {"a":[b]}\n',
  "a: {'a':{b: c}}\n",
  'a: [x, :y]\n',
  'a: [x:y]\n',
  'a:\n  - 1\n# c\n  - 2\n',
  'a: |1\n  x\n',
  '# c\n--- # d\n# e\na: 1\n',
  '# c\n--- a: 1\n',
  '--- #c\n  a: 1\n  b: 2\n',
];

describe('the plain YAML fast path', () => {
  it('takes every shipped candidate and criteria set, and holds to the full parse on them', () => {
    const files = [...yamlFiles(join(repoRoot, 'candidates')), ...yamlFiles(join(repoRoot, 'criteria'))];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(holdsToFullParse(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('holds to the full parse on every YAML file of the tests and docs', () => {
    const files = ['test/fixtures', 'docs', 'bench'].flatMap((directory) => yamlFiles(join(repoRoot, directory)));
    let taken = 0;
    for (const file of files) if (holdsToFullParse(readFileSync(file, 'utf8'))) taken += 1;
    // Most fixtures are plain; the hostile ones are not.
    expect(taken).toBeGreaterThan(files.length / 3);
    expect(taken).toBeLessThan(files.length);
  });

  it(
    'holds to the full parse on generated manifests and criteria sets in many styles, with comments',
    () => {
      holdsOnSomeOf(commented(fc.oneof(styled(manifestValue), styled(criteriaValue), asText(manifestValue))), 0.3);
    },
    propertyTimeout,
  );

  it(
    'holds to the full parse on nearly-right and YAML-ish text',
    () => {
      // Most mutations leave the text plain, so the fast path takes some.
      holdsOnSomeOf(fc.oneof(mutated(shipped.manifest), mutated(shipped.criteria), yamlish), 0.3);
    },
    propertyTimeout,
  );

  it(
    'holds to the full parse on structures of tricky strings laid out in every style, with markers and comments',
    () => {
      holdsOnSomeOf(trickyText, 0.2);
    },
    propertyTimeout,
  );

  it(
    'holds to the full parse with the limits set at, or one under, what a text needs',
    () => {
      let taken = 0;
      fc.assert(
        fc.property(
          fc.oneof(trickyText, mutated(shipped.manifest)),
          fc.constantFrom(-1, 0, 0),
          fc.constantFrom(-1, 0, 0),
          (text, depthMargin, lengthMargin) => {
            const { value, problems } = parseYamlFully('f.yaml', text, limits);
            if (problems.length > 0) return;
            const needs = extentOf(value);
            if (
              holdsToFullParse(
                text,
                withDefaults({ maxDepth: needs.depth + depthMargin, maxStringLength: needs.longest + lengthMargin }),
              )
            )
              taken += 1;
          },
        ),
        fuzzSettings(0.3),
      );
      expect(taken).toBeGreaterThan(0);
    },
    propertyTimeout,
  );

  it('holds to the full parse on the corners of the syntax', () => {
    expect(corners.filter((text) => holdsToFullParse(text)).length).toBeGreaterThan(corners.length / 3);
  });

  it.each([
    ['block scalars and quoted keys', 'a: |\n  one\n  two\n"b c": >-\n  folded\n  text\n\'d\': x\n'],
    [
      'a document start and comments everywhere',
      '# head\n---\n# first\na: 1 # one\n\n# between\nb:\n  # inside\n  - x # item\n  # after\n# end\n',
    ],
    ['flow lists and mappings on one line', 'a: [x, "y", \'z\']\nb: { k: v, n: [1, 2] }\nc: []\nd: {}\n'],
    ['lists of mappings', 'a:\n  - k: v\n    m: [w]\n  -  - nested\n'],
    ['nulls, booleans and integers', 'a: ~\nb: null\nc: True\nd: -12\ne: "12"\nf: 2023-09\n'],
    ['plain scalars over several lines', 'a: one\n  two\n  three\n'],
  ])('takes %s', (_, text) => {
    expect(holdsToFullParse(text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\t1\n'],
    ['Windows line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a float', 'a: 1.5\n'],
    ['a hexadecimal number', 'a: 0x1f\n'],
    ['an integer too large to hold', 'a: 90071992547409930\n'],
    ['a reserved key', '__proto__: 1\n'],
    ['a number as a key', '1: a\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a flow list over several lines', 'a: [x,\n  y]\n'],
    ['a list at the top', '- a\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a comment with no space before it', 'a: "x"#c\n'],
    ['a mapping on the same line as its key', 'a: b: c\n'],
    ['a trailing comma', 'a: [x, ]\n'],
  ])('declines %s, left to the full parse', (_, text) => {
    expect(takesFastPath(text)).toBe(false);
  });

  it('declines what a limit would stop, so the full parse reports it', () => {
    const deep = 'a:\n  b:\n    c: 1\n';
    expect(takesFastPath(deep, withDefaults({ maxDepth: 3 }))).toBe(true);
    expect(takesFastPath(deep, withDefaults({ maxDepth: 2 }))).toBe(false);
    expect(parseYaml('f.yaml', deep, { maxDepth: 2 }).problems[0]?.message).toMatch(/nested more than 2 levels/);
    expect(takesFastPath('a: abcdef\n', withDefaults({ maxStringLength: 5 }))).toBe(false);
    expect(takesFastPath('abcdef: a\n', withDefaults({ maxStringLength: 5 }))).toBe(false);
    expect(parseYaml('f.yaml', 'a: abcdef\n', { maxStringLength: 5 }).problems[0]?.message).toMatch(
      /longer than the 5 limit/,
    );
  });

  it('declines nesting deeper than yaml composes safely, even under a raised depth limit', () => {
    // yaml's composer recurses several frames a level and reports "nested too deeply" (RESOURCE_EXHAUSTION)
    // from a few hundred levels on, well before the fast path's own recursion would give out.
    const raised = withDefaults({ maxDepth: 1_000_000 });
    const flow = (depth: number): string => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const list = (depth: number): string => `a:\n  ${'- '.repeat(depth)}x\n`;
    for (const depth of [500, 1_000, 2_000, 3_000]) {
      for (const text of [flow(depth), list(depth)]) expect(takesFastPath(text, raised)).toBe(false);
    }
    // The mapping at the top is one level: `a` holds MAX_PLAIN_DEPTH - 1 levels at most.
    expect(holdsToFullParse(flow(MAX_PLAIN_DEPTH - 1), raised)).toBe(true);
    expect(holdsToFullParse(list(MAX_PLAIN_DEPTH - 1), raised)).toBe(true);
    expect(takesFastPath(flow(MAX_PLAIN_DEPTH), raised)).toBe(false);
    expect(takesFastPath(list(MAX_PLAIN_DEPTH), raised)).toBe(false);
  });

  it('declines, without failing, nesting deep enough to exhaust the stack', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const nested = `a: ${text}\n`;
    expect(takesFastPath(nested, withDefaults({ maxDepth: depth * 2 }))).toBe(false);
  });
});
