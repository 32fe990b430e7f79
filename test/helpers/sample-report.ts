import type { Report } from '../../src/report/report.js';

/** Hostile text as a stranger's manifest could carry it: markup, separators, escapes and controls. */
export const AWKWARD =
  'P|pe "q" \'s\' <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & ]]> ::error::x %0A 100% *b* [l](javascript:alert(1))\nnext\u001b[31m red \u200Frtl\u202Eevil\u0001 \uFFFE';

/**
 * A report with everything a report may carry: every status including waived, stale evidence,
 * warnings, errors, a help link, and awkward text in every free-text field.
 */
export function sampleReport(): Report {
  return {
    tool: 'pgcheck',
    version: '0.0.0-test',
    report_format: 1,
    as_of: '2026-08-01',
    criteria: [
      {
        id: 'sample',
        title: `Sample ${AWKWARD}`,
        source: 'https://example.org/criteria',
        revision: '2026-01-01',
        criteria: [
          { id: 'alpha', level: 'minimum', text: `Alpha must hold ${AWKWARD}`, help: 'https://example.org/help/alpha' },
          { id: 'beta', level: 'minimum', text: 'Beta must hold' },
          { id: 'gamma', level: 'minimum', text: 'Gamma must hold' },
          { id: 'delta', level: 'minimum', text: 'Delta must hold' },
          { id: 'epsilon', level: 'best-case', text: 'Epsilon should hold' },
        ],
      },
    ],
    candidates: [
      {
        file: 'candidates/awkward.yaml',
        name: AWKWARD,
        homepage: 'https://example.org/home?a=1&b="x"<script>',
        criteria: 'sample',
        verdict: 'fails-minimum',
        best_case: { passed: 0, total: 1 },
        results: [
          {
            criterion: 'alpha',
            level: 'minimum',
            status: 'fail',
            reason: `alpha is ${AWKWARD}`,
            sources: ['https://example.org/src?q=<script>|x)"', 'javascript:alert(1)'],
            path: 'alpha',
            line: 3,
            column: 7,
          },
          {
            criterion: 'beta',
            level: 'minimum',
            status: 'pass',
            reason: 'beta is true',
            stale: { reason: 'evidence retrieved 2020-01-01, older than 365 days' },
            path: 'beta',
            line: 4,
            column: 7,
          },
          {
            criterion: 'gamma',
            level: 'minimum',
            status: 'unknown',
            reason: 'gamma is not given',
            path: 'gamma',
            line: 1,
            column: 1,
          },
          {
            criterion: 'delta',
            level: 'minimum',
            status: 'waived',
            reason: 'delta is false',
            waiver: { reason: `vendor promised a fix ${AWKWARD}`, approved_by: 'reviewer-a', expires: '2027-01-01' },
            path: 'delta',
            line: 5,
            column: 8,
          },
          {
            criterion: 'epsilon',
            level: 'best-case',
            status: 'not-applicable',
            reason: 'does not apply: hosting.cloud is false',
            path: 'hosting.cloud',
            line: 6,
            column: 10,
          },
        ],
      },
    ],
    errors: [{ file: 'candidates/broken.yaml', line: 9, column: 3, message: `unknown key "${AWKWARD}"` }],
    warnings: [
      { file: 'candidates/awkward.yaml', line: 12, column: 5, message: 'waiver for zeta matches no criterion' },
    ],
    summary: {
      candidates: 1,
      'meets-minimum': 0,
      'fails-minimum': 1,
      incomplete: 0,
      stale: 1,
      stale_results: 1,
      errors: 1,
    },
  };
}
