import { formatProblem, type Problem } from '../load/problem.js';
import type { CandidateReport, ResultReport } from '../report/report.js';
import { xmlText } from './escape.js';
import type { Formatter } from './format.js';
import { resultDetail } from './notes.js';

/**
 * JUnit XML: a testsuite per candidate and a testcase per criterion. fail is a <failure>, unknown an
 * <error type="unknown"> (the criterion could not be decided), not-applicable and waived are <skipped>.
 * A file that could not be evaluated is a suite with one errored testcase; warnings go to <system-err>.
 */
export const junit: Formatter = {
  name: 'junit',
  description: 'JUnit XML, for CI test report viewers',
  render: (report) => {
    const warnings = groupByFile(report.warnings);
    const errors = groupByFile(report.errors);
    const files = new Set([...report.candidates.map((candidate) => candidate.file), ...errors.keys()]);
    const suites = [
      ...report.candidates.map((candidate) => candidateSuite(candidate, warnings.get(candidate.file) ?? [])),
      ...[...errors].map(([file, problems]) => invalidFileSuite(file, problems, warnings.get(file) ?? [])),
      // Warnings about a file with no suite of its own (a criteria file, say) get an empty suite.
      ...[...warnings].filter(([file]) => !files.has(file)).map(([file, problems]) => suite(file, [], [], problems)),
    ];
    const totals = count(suites.flatMap((entry) => entry.cases));
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pgcheck"${attributes(totals)}>\n${suites.map((entry) => entry.xml).join('')}</testsuites>\n`;
  },
};

type Outcome = 'pass' | 'failure' | 'error' | 'skipped';
interface Suite {
  cases: Outcome[];
  xml: string;
}

function candidateSuite(candidate: CandidateReport, warnings: Problem[]): Suite {
  const properties = [
    ['verdict', candidate.verdict],
    ['criteria', candidate.criteria],
    ['best_case', `${candidate.best_case.passed}/${candidate.best_case.total}`],
  ];
  const cases = candidate.results.map((result) => resultCase(candidate, result));
  return suite(`${candidate.name} (${candidate.file})`, properties, cases, warnings);
}

function resultCase(candidate: CandidateReport, result: ResultReport): { outcome: Outcome; xml: string } {
  const open = `    <testcase name="${xmlText(`${result.criterion} (${result.level})`)}" classname="${xmlText(candidate.file)}" file="${xmlText(candidate.file)}" line="${result.line}">`;
  const detail = resultDetail(result);
  const where = `${candidate.file}:${result.line}:${result.column} (${result.path})`;
  const out = `<system-out>${xmlText(`${detail} at ${where}`)}</system-out>`;
  const body: Record<typeof result.status, [Outcome, string]> = {
    pass: ['pass', ''],
    fail: [
      'failure',
      `<failure type="fail" message="${xmlText(result.reason)}">${xmlText(`${detail} at ${where}`)}</failure>`,
    ],
    unknown: [
      'error',
      `<error type="unknown" message="${xmlText(result.reason)}">${xmlText(`could not be decided: ${detail} at ${where}`)}</error>`,
    ],
    'not-applicable': ['skipped', `<skipped message="${xmlText(result.reason)}"/>`],
    waived: ['skipped', `<skipped message="${xmlText(detail)}"/>`],
  };
  const [outcome, element] = body[result.status];
  return { outcome, xml: `${open}${element}${out}</testcase>\n` };
}

function invalidFileSuite(file: string, problems: Problem[], warnings: Problem[]): Suite {
  const text = problems.map(formatProblem).join('\n');
  const first = problems[0];
  const line = first ? ` line="${first.line}"` : '';
  const xml = `    <testcase name="valid input" classname="${xmlText(file)}" file="${xmlText(file)}"${line}><error type="invalid-input" message="${xmlText(first?.message ?? 'invalid')}">${xmlLines(text)}</error></testcase>\n`;
  return suite(file, [], [{ outcome: 'error', xml }], warnings);
}

function suite(
  name: string,
  properties: string[][],
  cases: { outcome: Outcome; xml: string }[],
  warnings: Problem[],
): Suite {
  const outcomes = cases.map((entry) => entry.outcome);
  const props = properties.length
    ? `    <properties>${properties.map(([key, value]) => `<property name="${xmlText(key ?? '')}" value="${xmlText(value ?? '')}"/>`).join('')}</properties>\n`
    : '';
  const err = warnings.length
    ? `    <system-err>${xmlLines(warnings.map((w) => `warning: ${formatProblem(w)}`).join('\n'))}</system-err>\n`
    : '';
  const xml = `  <testsuite name="${xmlText(name)}"${attributes(count(outcomes))}>\n${props}${cases.map((entry) => entry.xml).join('')}${err}  </testsuite>\n`;
  return { cases: outcomes, xml };
}

/** Several lines of escaped text (each line made safe on its own, so the newlines between them stay). */
function xmlLines(text: string): string {
  return text.split('\n').map(xmlText).join('\n');
}

function count(outcomes: Outcome[]): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const of = (outcome: Outcome) => outcomes.filter((entry) => entry === outcome).length;
  return { tests: outcomes.length, failures: of('failure'), errors: of('error'), skipped: of('skipped') };
}

function attributes(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
}

function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) groups.set(problem.file, [...(groups.get(problem.file) ?? []), problem]);
  return groups;
}
