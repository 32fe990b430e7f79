import { type Command, Option } from 'commander';
import type { Problem } from '../load/problem.js';
import { readText } from '../load/read-file.js';
import { formatPath } from '../load/schema-problems.js';
import { locate, parseYaml } from '../load/source.js';
import type { DiffInput } from '../sync/diff.js';
import { type Io, printProblems } from './io.js';
import { parseSize as parseSizeOption } from './limit-options.js';

export interface DiffCommandOptions {
  format: string;
  maxFileSize?: number;
}

/** Reports of a whole batch run to megabytes; a report is still read whole, so it is still capped. */
const DEFAULT_MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** `pgcheck diff <old.json> <new.json>`: what changed between two evaluate reports. */
export async function diffCommand(
  oldFile: string,
  newFile: string,
  options: DiffCommandOptions,
  io: Io,
): Promise<number> {
  const [{ diffReports, diffExitCode }, { diffFormatters }] = await Promise.all([
    import('../sync/diff.js'),
    import('../sync/diff-format/registry.js'),
  ]);
  const formatter = diffFormatters.get(options.format);
  if (!formatter) throw new Error(`unregistered format ${options.format}`);
  const reports = await Promise.all(
    [oldFile, newFile].map((file) => readReport(file, options.maxFileSize ?? DEFAULT_MAX_REPORT_BYTES)),
  );
  const problems = reports.flatMap((report) => ('problem' in report ? [report.problem] : []));
  if (problems.length > 0) {
    printProblems(io, problems);
    return 2;
  }
  const [before, after] = reports as { report: DiffInput }[];
  const diff = diffReports(oldFile, before!.report, newFile, after!.report);
  io.stdout(formatter.render(diff));
  return diffExitCode(diff);
}

async function readReport(file: string, maxFileBytes: number): Promise<{ report: DiffInput } | { problem: Problem }> {
  const read = await readText(file, { maxFileBytes });
  if ('problem' in read)
    return { problem: { ...read.problem, message: read.problem.message.replace('YAML text', 'JSON text') } };
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    return {
      problem: { file, ...jsonErrorPosition(read.text, error), message: `not valid JSON: ${jsonErrorText(error)}` },
    };
  }
  const { reportRefusal, diffInputSchema } = await import('../sync/diff.js');
  const refusal = reportRefusal(value);
  if (refusal) return { problem: { file, line: 1, column: 1, message: refusal } };
  const parsed = diffInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    return {
      problem: {
        file,
        ...positionIn(file, read.text, path),
        message: `not a report of pgcheck evaluate: ${formatPath(path)}${issue.message}`,
      },
    };
  }
  return { report: parsed.data };
}

/** JSON is YAML: only when a report is wrong is it parsed again, with positions, to say where. */
function positionIn(file: string, text: string, path: (string | number)[]): { line: number; column: number } {
  const parsed = parseYaml(file, text, { maxStringLength: Number.MAX_SAFE_INTEGER });
  return parsed.problems.length > 0 ? { line: 1, column: 1 } : locate(parsed.source, path);
}

function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } {
  const offset = Number(/at position (\d+)/.exec(String((error as Error).message))?.[1] ?? Number.NaN);
  if (!Number.isFinite(offset)) {
    // V8 does not always say where; JSON is YAML, and yaml's parser does.
    const [first] = parseYaml('report', text, { maxStringLength: Number.MAX_SAFE_INTEGER }).problems;
    return first ? { line: first.line, column: first.column } : { line: 1, column: 1 };
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** V8's message without the excerpt of the text it quotes (which may be long, or anything). */
function jsonErrorText(error: unknown): string {
  return String((error as Error).message)
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
}

export function registerDiff(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('diff')
    .description(
      'what changed between two evaluate reports (--format json): candidates added or removed, verdicts and results changed',
    )
    .argument('<old>', 'the earlier report (pgcheck evaluate --format json)')
    .argument('<new>', 'the later report')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'),
    )
    .addOption(new Option('--max-file-size <size>', 'largest report read (default: 64 MiB)').argParser(parseSizeOption))
    .action(async (oldFile: string, newFile: string, options: DiffCommandOptions) =>
      setExitCode(await diffCommand(oldFile, newFile, options, io)),
    );
}
