import { Chalk, type ChalkInstance } from 'chalk';
import type { Verdict } from '../engine/evaluate.js';
import type { ReportStatus } from '../report/report.js';

/** Status words carry a symbol so they read the same without colour. */
export const statusLabel: Record<ReportStatus, string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  unknown: '? unknown',
  'not-applicable': '– n/a',
  waived: '~ waived',
};

export function paintStatus(chalk: ChalkInstance, status: ReportStatus): string {
  const label = statusLabel[status];
  switch (status) {
    case 'pass':
      return chalk.green(label);
    case 'fail':
      return chalk.red(label);
    case 'unknown':
      return chalk.yellow(label);
    case 'waived':
      return chalk.cyan(label);
    default:
      return chalk.dim(label);
  }
}

export function paintVerdict(chalk: ChalkInstance, verdict: Verdict): string {
  if (verdict === 'meets-minimum') return chalk.green.bold(verdict);
  if (verdict === 'fails-minimum') return chalk.red.bold(verdict);
  return chalk.yellow.bold(verdict);
}

/** A cell's status word, marked when the evidence behind it is stale. */
export function statusText(result: { status: ReportStatus; stale?: unknown }): string {
  return result.stale ? `${statusLabel[result.status]} (stale)` : statusLabel[result.status];
}

/** Shown where a compare cell has no result (the candidate was hidden by --quiet or not judged on it). */
export const NO_RESULT = '·';

// chalk builds each style on first use per instance: one instance per colour level, not one per table.
const painters = { plain: new Chalk({ level: 0 }), color: new Chalk({ level: 1 }) };

/** The painter for output with or without colour. */
export function painter(color: boolean | undefined): ChalkInstance {
  return color ? painters.color : painters.plain;
}
