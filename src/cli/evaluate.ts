import { formatters } from '../format/registry.js';
import { exitCodeOf, type FailOn } from '../report/report.js';
import { CriteriaError, evaluateFiles } from '../run/evaluate-files.js';
import { useColor } from './color.js';
import { type Io, printProblems } from './io.js';
import { limitsFromOptions } from './limit-options.js';

export interface EvaluateCommandOptions {
  criteria?: string;
  format: string;
  failOn: FailOn[];
  color?: boolean;
  [limitFlag: string]: unknown;
}

export async function evaluateCommand(paths: string[], options: EvaluateCommandOptions, io: Io): Promise<number> {
  const formatter = formatters.get(options.format);
  if (!formatter) throw new Error(`unregistered format ${options.format}`);
  let report;
  try {
    const limits = limitsFromOptions(options);
    report = await evaluateFiles(paths, options.criteria === undefined ? { limits } : { criteria: options.criteria, limits });
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    printProblems(io, error.problems);
    if (error.problems.length === 0) io.stderr(`error: ${error.message}\n`);
    return 2;
  }
  printProblems(io, report.errors);
  printProblems(io, report.warnings);
  const color = useColor(options.color, io.env, io.stdoutIsTTY);
  io.stdout(formatter.render(report, io.stdoutIsTTY && io.columns ? { color, width: io.columns } : { color }));
  return exitCodeOf(report, options.failOn);
}
