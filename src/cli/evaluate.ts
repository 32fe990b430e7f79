import { formatters } from '../format/registry.js';
import { quietReport } from '../report/quiet.js';
import { exitCodeOf, type FailOn } from '../report/report.js';
import { CriteriaError, evaluateFiles } from '../run/evaluate-files.js';
import { useColor } from './color.js';
import { type Io, printProblems } from './io.js';
import { progressOn } from './progress.js';
import { type ReportTarget, writeReports } from './report-files.js';
import { limitsFromOptions } from './limit-options.js';

export interface EvaluateCommandOptions {
  criteria?: string;
  format: string;
  failOn: FailOn[];
  color?: boolean;
  quiet?: boolean;
  report?: ReportTarget[];
  asOf?: string;
  requireEvidence?: boolean;
  waivers: boolean;
}

/** `evaluate` (one table per candidate) and `compare` (one matrix): same inputs, options and exit codes. */
export async function evaluateCommand(paths: string[], options: EvaluateCommandOptions, io: Io, view: 'evaluate' | 'compare' = 'evaluate'): Promise<number> {
  const formatter = formatters.get(options.format);
  if (!formatter) throw new Error(`unregistered format ${options.format}`);
  let report;
  const progress = progressOn(io);
  const color = useColor(options.color, io.env, io.stdoutIsTTY);
  const staleFails = options.failOn?.includes('stale') === true;
  const formatOptions = { color, quiet: options.quiet === true, staleFails, ...(io.stdoutIsTTY && io.columns ? { width: io.columns } : {}) };
  // Written as evaluated unless something needs the whole report (or a progress line shares the terminal).
  const stream = view === 'evaluate' && !options.quiet && !options.report?.length && !progress ? formatter.stream : undefined;
  try {
    report = await evaluateFiles(paths, {
      ...(stream ? { onCandidate: (candidate) => io.stdout(stream.candidate(candidate, formatOptions)) } : {}),
      ...(options.criteria === undefined ? {} : { criteria: options.criteria }),
      ...(progress ? { onProgress: progress.tick } : {}),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      requireEvidence: options.requireEvidence === true,
      waivers: options.waivers,
      limits: limitsFromOptions(options),
    });
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    printProblems(io, error.problems);
    if (error.problems.length === 0) io.stderr(`error: ${error.message}\n`);
    return 2;
  } finally {
    progress?.finish();
  }
  printProblems(io, report.errors);
  printProblems(io, report.warnings, 'warning: ');
  if (stream) io.stdout(stream.end(report, formatOptions));
  else if (view === 'compare' && formatter.renderCompare) io.stdout(formatter.renderCompare(report, formatOptions));
  else io.stdout(formatter.render(options.quiet ? quietReport(report, { staleFails }) : report, formatOptions));
  const written = await writeReports(options.report ?? [], report, view, io);
  return written ? exitCodeOf(report, options.failOn) : 2;
}

