import type { ChalkInstance } from 'chalk';
import type { ResultStatus, Verdict } from '../engine/evaluate.js';

/** Status words carry a symbol so they read the same without colour. */
export const statusLabel: Record<ResultStatus, string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  unknown: '? unknown',
  'not-applicable': '– n/a',
};

export function paintStatus(chalk: ChalkInstance, status: ResultStatus): string {
  const label = statusLabel[status];
  switch (status) {
    case 'pass':
      return chalk.green(label);
    case 'fail':
      return chalk.red(label);
    case 'unknown':
      return chalk.yellow(label);
    default:
      return chalk.dim(label);
  }
}

export function paintVerdict(chalk: ChalkInstance, verdict: Verdict): string {
  if (verdict === 'meets-minimum') return chalk.green.bold(verdict);
  if (verdict === 'fails-minimum') return chalk.red.bold(verdict);
  return chalk.yellow.bold(verdict);
}
