import { describe, expect, it } from 'vitest';
import { parseManifest } from '../src/load/manifest.js';

const HEAD = 'pgcheck: 1\nname: Example\ncategory: photo-management\n';

/** The problems (or, for a valid manifest, the warnings) of a manifest made of HEAD and `body`, as `line:column: message`. */
function problems(body: string): string[] {
  const load = parseManifest('m.yaml', `${HEAD}${body}`);
  return (load.ok ? [] : load.problems).map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
}

function warnings(body: string): string[] {
  const load = parseManifest('m.yaml', `${HEAD}${body}`);
  if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('; '));
  return load.loaded.warnings.map((warning) => `${warning.line}:${warning.column}: ${warning.message}`);
}

describe('a source entry', () => {
  it('reports every problem of one entry at once', () => {
    expect(problems('hosting:\n  sources:\n    - {url: ftp://x, quote: 7, retrieved: notadate, extra: 1}\n')).toEqual([
      '6:13: hosting.sources[0].url: expected an http(s) URL, got "ftp://x"',
      '6:29: hosting.sources[0].quote: expected a string, got number 7 (YAML reads 7 as a number: put it in quotes, "7")',
      '6:43: hosting.sources[0].retrieved: expected a real date as YYYY-MM-DD, got "notadate"',
      '6:53: hosting.sources[0].extra: unknown key "extra" (allowed: url, quote, retrieved)',
    ]);
  });

  it('says what the accepted forms are for a bare number', () => {
    expect(problems('hosting:\n  sources: [42]\n')).toEqual([
      '5:13: hosting.sources[0]: expected an http(s) URL or a mapping {url, quote, retrieved}, got number 42',
    ]);
  });
});

describe('a field set to null', () => {
  it('says to leave the line commented out to mean unknown, for optional fields and sections', () => {
    expect(problems('pricing:\n  free_plan:\nhosting:\nfacts:\n  offline:\n')).toEqual([
      '5:13: pricing.free_plan: expected a boolean (true or false), got null (leave the line commented out, or remove it, to mean unknown)',
      '6:9: hosting: expected a mapping, got null (leave the line commented out, or remove it, to mean unknown)',
      '8:11: facts.offline: expected a string, a number, a boolean (true or false) or a list, got null (leave the line commented out, or remove it, to mean unknown)',
    ]);
  });

  it('does not offer "unknown" for a required field', () => {
    const load = parseManifest('m.yaml', 'pgcheck: 1\nname:\ncategory: photo-management\n');
    expect(load.ok ? [] : load.problems.map((problem) => problem.message)).toEqual([
      'name: expected a string, got null',
    ]);
  });
});

describe('an audit date', () => {
  it('accepts a quoted bare year, as well as a month or a day', () => {
    for (const date of ['"2023"', '2023-03', '2023-03-14'])
      expect(problems(`audits:\n  - { auditor: A, date: ${date} }\n`), date).toEqual([]);
  });

  it('says to quote a bare year, which YAML reads as a number', () => {
    expect(problems('audits:\n  - { auditor: A, date: 2023 }\n')).toEqual([
      '5:25: audits[0].date: expected a string, got number 2023 (YAML reads 2023 as a number: put it in quotes, "2023")',
    ]);
  });

  it('still refuses what is not a date', () => {
    expect(problems('audits:\n  - { auditor: A, date: "23" }\n')).toEqual([
      '5:25: audits[0].date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "23"',
    ]);
  });
});

describe('licence messages', () => {
  const licence = (value: string) => problems(`source_code:\n  license: ${value}\n`);

  it('points to LicenseRef- for a licence SPDX does not list', () => {
    expect(licence('proprietary')).toEqual([
      '5:12: source_code.license: unknown SPDX licence id "proprietary"; for a licence SPDX does not list, write LicenseRef-<name>, e.g. LicenseRef-Proprietary (see https://spdx.org/licenses/)',
    ]);
    expect(licence('LicenseRef-Proprietary')).toEqual([]);
  });

  it('explains NONE and NOASSERTION', () => {
    expect(licence('NONE')).toEqual([
      '5:12: source_code.license: NONE is not a licence: for a tool under no licence (all rights reserved), write LicenseRef-Proprietary; if the licence is not known, leave the field out (unknown)',
    ]);
    expect(licence('NOASSERTION')).toEqual([
      '5:12: source_code.license: NOASSERTION means nobody determined the licence: leave the field out instead, so it evaluates as unknown',
    ]);
    expect(licence('MIT OR NONE')[0]).toContain('"MIT OR NONE": NONE is not a licence');
  });

  it('accepts a deprecated ambiguous id with a warning naming the -only and -or-later forms', () => {
    expect(
      warnings(
        'source_code:\n  license: GPL-3.0 OR GPL-2.0+\n  components:\n    - { name: server, license: AGPL-3.0 }\n',
      ),
    ).toEqual([
      '5:12: source_code.license: GPL-3.0 is a deprecated SPDX id that does not say whether later versions are allowed: write GPL-3.0-only or GPL-3.0-or-later',
      '5:12: source_code.license: GPL-2.0+ is a deprecated SPDX id: write GPL-2.0-or-later',
      '7:32: source_code.components[0].license: AGPL-3.0 is a deprecated SPDX id that does not say whether later versions are allowed: write AGPL-3.0-only or AGPL-3.0-or-later',
    ]);
    expect(warnings('source_code:\n  license: GPL-3.0-only OR MIT\n')).toEqual([]);
  });
});
