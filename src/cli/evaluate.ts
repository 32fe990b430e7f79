import type { FormatOptions } from '../format/format.js';
import { formatters } from '../format/registry.js';
import { readArtifacts } from '../load/artifacts.js';
import { quietReport } from '../report/quiet.js';
import { exitCodeOf, type FailOn, type Report } from '../report/report.js';
import { CriteriaError, evaluateFiles } from '../run/evaluate-files.js';
import { useColor } from './color.js';
import { type Io, printProblems } from './io.js';
import { progressOn } from './progress.js';
import { prepareReports, type ReportTarget, writeReports } from './report-files.js';
import { limitsFromOptions } from './limit-options.js';

export interface EvaluateCommandOptions {
  criteria?: string;
  criteriaDir?: string[];
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
export async function evaluateCommand(
  paths: string[],
  options: EvaluateCommandOptions,
  io: Io,
  view: 'evaluate' | 'compare' = 'evaluate',
): Promise<number> {
  const formatter = formatters.get(options.format);
  if (!formatter) throw new Error(`unregistered format ${options.format}`);
  if (!(await prepareReports(options.report ?? [], io))) return 2;
  let report: Report;
  const progress = progressOn(io);
  const color = useColor(options.color, io.env, io.stdoutIsTTY);
  const staleFails = options.failOn?.includes('stale') === true;
  const formatOptions: FormatOptions = {
    color,
    quiet: options.quiet === true,
    staleFails,
    ...(io.stdoutIsTTY && io.columns ? { width: io.columns } : {}),
  };
  // Written as evaluated unless something needs the whole report (or a progress line shares the terminal).
  const stream =
    view === 'evaluate' && !options.quiet && !options.report?.length && !progress ? formatter.stream : undefined;
  try {
    report = await evaluateFiles(paths, {
      ...(stream ? { onCandidate: (candidate) => io.stdout(stream.candidate(candidate, formatOptions)) } : {}),
      ...(options.criteria === undefined ? {} : { criteria: options.criteria }),
      ...(options.criteriaDir?.length ? { criteriaDirs: options.criteriaDir } : {}),
      // A comparison's columns are in the order the user named the candidates.
      ...(view === 'compare' ? { order: 'arguments' as const } : {}),
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
  const quoting = [formatter, ...(options.report ?? []).map((target) => target.formatter)].some(
    (chosen) => chosen.quotesFiles,
  );
  if (quoting) formatOptions.artifacts = readArtifacts(reportFiles(report), limitsFromOptions(options));
  if (stream) io.stdout(stream.end(report, formatOptions));
  else if (view === 'compare' && formatter.renderCompare) io.stdout(formatter.renderCompare(report, formatOptions));
  else io.stdout(formatter.render(options.quiet ? quietReport(report, { staleFails }) : report, formatOptions));
  const written = await writeReports(options.report ?? [], report, view, io, formatOptions.artifacts);
  return written ? exitCodeOf(report, options.failOn) : 2;
}

/** Every file a report names, for the formats that quote them. */
function reportFiles(report: Report): string[] {
  return [
    ...report.candidates.map((candidate) => candidate.file),
    ...report.errors.map((problem) => problem.file),
    ...report.warnings.map((problem) => problem.file),
  ];
}
