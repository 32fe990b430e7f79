import type { Problem } from '../load/problem.js';

export const VERIFY_REPORT_FORMAT = 1;

/** pass: the evidence holds; fail: it does not (or could not be reached); unknown: it cannot be judged. */
export type CheckOutcome = 'pass' | 'fail' | 'unknown';

export type CheckName = 'reachable' | 'quote' | 'repository' | 'archived' | 'licence' | 'activity';

export interface CheckResult {
  check: CheckName;
  /** The URL, or owner/name of a GitHub repository. */
  target: string;
  outcome: CheckOutcome;
  detail: string;
  /** Where in the manifest the checked claim is. */
  line: number;
  column: number;
}

export interface VerifiedCandidate {
  file: string;
  name: string;
  checks: CheckResult[];
}

export interface VerifySummary {
  candidates: number;
  checks: number;
  pass: number;
  fail: number;
  unknown: number;
  errors: number;
}

/** The data of one `pgcheck verify` run; `--format json` prints it as is. */
export interface VerifyReport {
  tool: 'pgcheck';
  version: string;
  command: 'verify';
  report_format: typeof VERIFY_REPORT_FORMAT;
  candidates: VerifiedCandidate[];
  /** Files that could not be read or are invalid; they are not verified. */
  errors: Problem[];
  /** Set when there was no network (no host answered at all): why. Nothing was really checked. */
  unreachable?: string;
  summary: VerifySummary;
}

export function summarizeVerify(candidates: readonly VerifiedCandidate[], errors: readonly Problem[]): VerifySummary {
  const checks = candidates.flatMap((candidate) => candidate.checks);
  const count = (outcome: CheckOutcome) => checks.filter((check) => check.outcome === outcome).length;
  return {
    candidates: candidates.length,
    checks: checks.length,
    pass: count('pass'),
    fail: count('fail'),
    unknown: count('unknown'),
    errors: new Set(errors.map((problem) => problem.file)).size,
  };
}

/** 2 when an input file is unusable or there was no network, 1 when a check failed, else 0 (unknown outcomes do not fail). */
export function verifyExitCode(report: VerifyReport): 0 | 1 | 2 {
  if (report.errors.length > 0 || report.unreachable) return 2;
  return report.summary.fail > 0 ? 1 : 0;
}
