import { readdirSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Formatter } from '../src/format/format.js';
import { formatters } from '../src/format/registry.js';
import { sampleReport } from './helpers/sample-report.js';

const report = sampleReport();
const options = { color: false };

/** Every view of every format: `render`, and `renderCompare` where the format has one. */
const views = [...formatters.values()].flatMap((formatter) => [
  { name: `${formatter.name} evaluate`, formatter, text: formatter.render(report, options) },
  ...(formatter.renderCompare
    ? [{ name: `${formatter.name} compare`, formatter, text: formatter.renderCompare(report, options) }]
    : []),
]);

describe('the format registry', () => {
  it('registers every formatter file under src/format', async () => {
    const exported: Formatter[] = [];
    const dir = new URL('../src/format/', import.meta.url);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const module = (await import(/* @vite-ignore */ new URL(file, dir).href)) as Record<string, unknown>;
      exported.push(...Object.values(module).filter(isFormatter));
    }
    expect(exported.length).toBeGreaterThanOrEqual(7);
    for (const formatter of exported) expect(formatters.get(formatter.name), formatter.name).toBe(formatter);
    expect(new Set(exported)).toEqual(new Set(formatters.values()));
  });

  it('offers the formats the issue asks for', () => {
    expect([...formatters.keys()].sort()).toEqual(['github', 'html', 'json', 'junit', 'markdown', 'sarif', 'table']);
  });
});

function isFormatter(value: unknown): value is Formatter {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Formatter).name === 'string' &&
    typeof (value as Formatter).render === 'function'
  );
}

describe.each(views)('$name', ({ formatter, text }) => {
  it('shows the waiver and its reason, and stale evidence', () => {
    if (formatter.name === 'json') {
      expect(text).toContain('"waiver"');
      expect(text).toContain('"stale"');
      return;
    }
    expect(text).toMatch(/waived/);
    expect(text).toContain('vendor promised a fix');
    expect(text).toMatch(/stale/);
    if (formatter.name !== 'github' && formatter.name !== 'sarif') expect(text).toContain('older than 365 days');
  });

  it.skipIf(formatter.name === 'table')(
    'shows warnings and errors with their file (the table prints them on stderr)',
    () => {
      expect(text).toContain('waiver for zeta matches no criterion');
      expect(text).toContain('candidates/broken.yaml');
      expect(text).toContain('unknown key');
    },
  );

  it('lets no control character, escape sequence or bidi override through (JSON escapes them)', () => {
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e\u200f]/);
  });
});

describe('untrusted text per format', () => {
  const render = (name: string, compare = false) => {
    const formatter = formatters.get(name);
    if (!formatter) throw new Error(name);
    return compare && formatter.renderCompare
      ? formatter.renderCompare(report, options)
      : formatter.render(report, options);
  };

  it('markdown: no raw HTML, and every table row has exactly its columns', () => {
    for (const text of [render('markdown'), render('markdown', true)]) {
      expect(text).not.toMatch(/<script|<img|<\/?b>/i);
      expect(text).toContain('&lt;script&gt;');
      const rows = text.split('\n').filter((line) => line.startsWith('|'));
      const unescapedPipes = (line: string) => line.replace(/\\\\/g, '').match(/(?<!\\)\|/g)?.length ?? 0;
      const widths = new Set(rows.map(unescapedPipes));
      expect(rows.length).toBeGreaterThan(3);
      expect(widths.size).toBeLessThanOrEqual(2); // the evaluate table (6 pipes) and, in compare, the matrix
      expect(text).toContain('P\\|pe');
      expect(text).not.toMatch(/(?<!\\)\[l(?<!\\)\]\(javascript/);
    }
  });

  it('json: parses back to the report itself', () => {
    expect(JSON.parse(render('json'))).toEqual(report);
  });

  it('junit: well-formed XML with one testcase per criterion, and the awkward name intact', () => {
    const text = render('junit');
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    const suites = [parsed.testsuites.testsuite].flat();
    const candidate = suites[0];
    expect(candidate.name).toContain('<script>window.__pwned=1</script>');
    expect(candidate.testcase).toHaveLength(5);
    const byName = Object.fromEntries(
      candidate.testcase.map((testcase: { name: string }) => [testcase.name, testcase]),
    );
    expect(byName['alpha (minimum)'].failure.type).toBe('fail');
    expect(byName['gamma (minimum)'].error.type).toBe('unknown');
    expect(byName['delta (minimum)'].skipped.message).toContain('vendor promised a fix');
    expect(byName['epsilon (best-case)'].skipped.message).toContain('does not apply');
    expect(suites[1].testcase.error.type).toBe('invalid-input');
    expect(parsed.testsuites).toMatchObject({ tests: '6', failures: '1', errors: '2', skipped: '2' });
  });

  it('github: every line is one well-formed workflow command, or the summary', () => {
    const lines = render('github').trimEnd().split('\n');
    const command = /^::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,title=[^,:]*::(?:[^%\r\n]|%25|%0A|%0D)*$/;
    expect(lines.slice(0, -1).every((line) => command.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^1 candidate:/);
    expect(lines.filter((line) => line.startsWith('::error'))).toHaveLength(2); // alpha fails, broken.yaml is invalid
    expect(lines.filter((line) => line.startsWith('::warning'))).toHaveLength(2); // gamma unknown, the warning
    expect(lines.filter((line) => line.startsWith('::notice'))).toHaveLength(2); // delta waived, beta stale
  });

  it('html: no element or attribute from report text', () => {
    for (const text of [render('html'), render('html', true)]) {
      expect(text).not.toMatch(/<script|<img|onerror="|<b>/i);
      expect(text).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
      expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      expect(text).not.toMatch(/\b(src|href)="(?!https:\/\/example\.org\/)/);
    }
  });
});

describe('the compare table on a terminal', () => {
  it('fits the terminal width, wrapping long candidate names', () => {
    const text = formatters.get('table')?.renderCompare?.(report, { color: false, width: 80 }) ?? '';
    const tableLines = text.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tableLines.length).toBeGreaterThan(8);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
