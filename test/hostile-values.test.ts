import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, positionOfByte } from '../src/load/decode.js';
import { parseCriteria, parseManifest } from '../src/index.js';
import { formatters } from '../src/format/registry.js';
import type { Formatter } from '../src/format/format.js';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { repoRoot } from './helpers/cli.js';
import { defaultLimits } from '../src/load/limits.js';

const header = 'pgcheck: 1\nname: X\ncategory: photo-management\n';

describe('prototype keys', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  it.each([
    ['__proto__ at the top', `${header}__proto__:\n  polluted: true\n`, 4, 1, '__proto__'],
    ['__proto__ in a section', `${header}pricing:\n  __proto__: {polluted: true}\n`, 5, 3, '__proto__'],
    ['constructor as a fact', `${header}facts:\n  constructor: x\n`, 5, 3, 'constructor'],
    ['prototype as a fact', `${header}facts:\n  prototype: [x]\n`, 5, 3, 'prototype'],
    ['__proto__ as a quoted flow key', `${header}facts: {"__proto__": {polluted: true}}\n`, 4, 9, '__proto__'],
  ])('%s is reported as an unknown key where it is, and changes no prototype', (_name, text, line, column, key) => {
    const load = parseManifest('m.yaml', text);
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems).toEqual([
      { file: 'm.yaml', line, column, message: `unknown key "${key}" (a reserved name, never a field)` },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
  it('in a criteria file too', () => {
    const text = readFileSync(new URL('fixtures/hostile/criteria/proto.yaml', import.meta.url), 'utf8');
    const load = parseCriteria('c.yaml', text);
    expect(load.ok).toBe(false);
    if (!load.ok)
      expect(load.problems.map((p) => p.message)).toEqual(['unknown key "__proto__" (a reserved name, never a field)']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('values that cannot be held exactly', () => {
  it.each([
    [
      '2026-13-45',
      `${header}reviewed: 2026-13-45\n`,
      '4:11: reviewed: expected a real date as YYYY-MM-DD, got "2026-13-45"',
    ],
    ['.inf', `${header}pricing: {trial_days: .inf}\n`, '4:23: .inf is not a finite number'],
    ['-.Inf', `${header}facts: {x: -.Inf}\n`, '4:12: -.Inf is not a finite number'],
    ['.nan', `${header}facts: {x: .NaN}\n`, '4:12: .NaN is not a number (NaN is not allowed)'],
    [
      '2^53',
      `${header}facts: {x: 9007199254740993}\n`,
      '4:12: 9007199254740993 is too large to hold exactly (whole numbers must be within ±9007199254740991)',
    ],
    [
      'a long list',
      `${header}audits:\n${'  - {auditor: a, date: 2026-01}\n'.repeat(101)}`,
      '5:3: audits: has too many items (at most 100)',
    ],
    ['a duplicate key', `${header}name: Y\n`, '4:1: duplicate key "name"'],
  ])('%s gets a precise error', (_name, text, expected) => {
    const load = parseManifest('m.yaml', text);
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([expected]);
  });
  it('the largest exact integer still passes the loader', () => {
    expect(parseManifest('m.yaml', `${header}facts: {x: 9007199254740991}\n`).ok).toBe(true);
  });
});

describe('keys that are not plain values', () => {
  it('are reported, and the YAML library prints no warning of its own', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      const load = parseManifest('m.yaml', `${header}? [a, b]\n: x\n{c: 1}: y\n*x : z\n`);
      expect(!load.ok && load.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
        '4:3: a key must be a plain value, not a list',
        '6:1: a key must be a plain value, not a mapping',
        '7:1: a key must be a plain value, not an alias',
      ]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', listen);
    }
  });
});

describe('limits can be raised', () => {
  const nested = (levels: number) => `${header}facts:\n  x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
  const aliases = (count: number) => `${header}facts:\n  a: &a x\n  b: [${Array(count).fill('*a').join(', ')}]\n`;
  const messages = (load: ReturnType<typeof parseManifest>) => (load.ok ? [] : load.problems.map((p) => p.message));
  it('nesting depth', () => {
    expect(messages(parseManifest('m.yaml', nested(70)))).toEqual([
      'nested more than 64 levels deep (raise with --max-depth)',
    ]);
    // Past the limit, the schema judges it: a fact is never a list of lists.
    expect(messages(parseManifest('m.yaml', nested(70), { ...defaultLimits, maxDepth: 80 }))).toEqual([
      'facts.x[0]: expected a string, got a list',
    ]);
  });
  it('alias count', () => {
    expect(messages(parseManifest('m.yaml', aliases(101)))).toEqual([
      'more than 100 YAML aliases (raise with --max-aliases)',
    ]);
    // Past the limit, the schema judges it: a fact list holds at most 100 items.
    expect(messages(parseManifest('m.yaml', aliases(101), { ...defaultLimits, maxAliases: 200 }))).toEqual([
      'facts.b: has too many items (at most 100)',
    ]);
    expect(messages(parseManifest('m.yaml', aliases(100)))).toEqual([]);
  });
  it('string length', () => {
    const text = `${header}facts: {x: ${'y'.repeat(50)}}\n`;
    expect(messages(parseManifest('m.yaml', text, { ...defaultLimits, maxStringLength: 40 }))).toEqual([
      'string of 50 characters is longer than the 40 limit (raise with --max-string-length)',
    ]);
    expect(messages(parseManifest('m.yaml', text))).toEqual([]);
  });
});

describe('text handling', () => {
  it('gives the same positions for CRLF and LF files', () => {
    const text = `${header}pricing:\n  free_plan: maybe\n`;
    const lf = parseManifest('m.yaml', text);
    const crlf = parseManifest('m.yaml', text.replaceAll('\n', '\r\n'));
    expect(!lf.ok && lf.problems[0]).toMatchObject({ line: 5, column: 14 });
    expect(!crlf.ok && crlf.problems[0]).toEqual(!lf.ok && lf.problems[0]);
  });
  it('finds the first invalid UTF-8 byte exactly where a strict decoder fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        const strict = new TextDecoder('utf-8', { fatal: true });
        if (bad < 0) expect(() => strict.decode(bytes)).not.toThrow();
        else {
          expect(() => strict.decode(bytes.subarray(0, bad))).not.toThrow();
          expect(() => strict.decode(bytes)).toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('counts a bad byte position in characters after earlier multi-byte text', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: é\nbé: '), 0xff]);
    expect(positionOfByte(bytes, firstInvalidUtf8(bytes))).toEqual({ line: 2, column: 5 });
  });
});

/** An in-memory Io, so the CLI runs in this process and its output can be inspected. */
function memoryIo(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: {},
    stdoutIsTTY: false,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('a bug inside pgcheck', () => {
  it('prints one line with how to report it, writes no report and exits 3', async () => {
    // A formatter that throws stands in for any bug reached while producing a report.
    const broken: Formatter = {
      name: 'broken-for-test',
      description: 'throws',
      render: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at render (x.js:1:1)");
      },
    };
    const registry = formatters as Map<string, Formatter>;
    registry.set(broken.name, broken);
    try {
      const io = memoryIo();
      const code = await main(
        ['node', 'pgcheck', 'evaluate', '--format', broken.name, 'candidates/photo-management/ente.yaml'],
        io,
      );
      expect(code).toBe(3);
      expect(io.out).toBe('');
      expect(io.err.split('\n')).toEqual([
        "pgcheck: internal error: Cannot read properties of undefined (reading 'x'). This is a bug in pgcheck; please report it at https://github.com/pgcheck/pgcheck/issues with the command you ran (run with PGCHECK_DEBUG=1 for details).",
        '',
      ]);
    } finally {
      registry.delete(broken.name);
    }
  });
  it.each([
    [
      'an error thrown in an async callback',
      "setTimeout(() => { throw new Error('late failure'); }, 1);",
      'late failure',
    ],
    ['a promise rejected with nobody listening', "void Promise.reject(new Error('lost rejection'));", 'lost rejection'],
  ])('%s ends the process the same way', (_name, trigger, message) => {
    // The real handlers, installed as bin/pgcheck.js installs them, in a real process.
    const script = `import { installCrashHandlers } from './dist/cli/crash.js';
import { processIo } from './dist/cli/io.js';
installCrashHandlers(processIo, (code) => { process.exitCode = code; });
${trigger}`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`pgcheck: internal error: ${message}. This is a bug in pgcheck`);
  });
});
