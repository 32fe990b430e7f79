import type { CheckResult, VerifiedCandidate } from '../report.js';
import type { VerifyFormatter } from './format.js';

export const verifyJunit: VerifyFormatter = {
  name: 'junit',
  description: 'JUnit XML, one test suite per candidate and one test case per check, for CI dashboards',
  render: (report) => {
    const { summary } = report;
    const suites = report.candidates.map(candidateSuite);
    const problems = report.errors.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    const errors = problems.length > 0 ? [errorSuite(problems)] : [];
    const total = summary.checks + problems.length;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="pgcheck verify" tests="${total}" failures="${summary.fail}" errors="${problems.length}" skipped="${summary.unknown}">`,
      ...suites,
      ...errors,
      '</testsuites>',
      '',
    ].join('\n');
  },
};

function candidateSuite(candidate: VerifiedCandidate): string {
  const count = (outcome: CheckResult['outcome']) =>
    candidate.checks.filter((check) => check.outcome === outcome).length;
  const attributes = `name="${xml(candidate.name)}" file="${xml(candidate.file)}" tests="${candidate.checks.length}" failures="${count('fail')}" errors="0" skipped="${count('unknown')}"`;
  return [
    `  <testsuite ${attributes}>`,
    ...candidate.checks.map((check) => testCase(candidate, check)),
    '  </testsuite>',
  ].join('\n');
}

function testCase(candidate: VerifiedCandidate, check: CheckResult): string {
  const open = `    <testcase classname="${xml(candidate.file)}" name="${xml(`${check.check} ${check.target}`)}" file="${xml(candidate.file)}" line="${check.line}"`;
  if (check.outcome === 'pass') return `${open}/>`;
  const element = check.outcome === 'fail' ? 'failure' : 'skipped';
  return `${open}>\n      <${element} message="${xml(check.detail)}"/>\n    </testcase>`;
}

function errorSuite(messages: string[]): string {
  const cases = messages.map(
    (message) =>
      `    <testcase classname="pgcheck" name="input files">\n      <error message="${xml(message)}"/>\n    </testcase>`,
  );
  return [
    `  <testsuite name="input errors" tests="${messages.length}" failures="0" errors="${messages.length}" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/** Text as an XML attribute value; characters XML 1.0 cannot carry are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
