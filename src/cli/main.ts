import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isIsoDate } from '../engine/dates.js';
import { formatters } from '../format/registry.js';
import { type FailOn, failOnStates } from '../report/report.js';
import { packageVersion } from '../paths.js';
import { acceptNoColor } from './color.js';
import { reportCrash } from './crash.js';
import { type Io, processIo } from './io.js';
import { parseReportTarget } from './report-files.js';
import { addLimitOptions } from './limit-options.js';
import { parseApiBase, parseCount, parseInactivity, parseSeconds } from './verify-options.js';
import { verifyFormatters } from '../verify/format/registry.js';
import { registerCriteria } from './criteria.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerValidate } from './validate.js';
import { criteriaDirOption } from './criteria-dir-option.js';

// Each command's own modules are loaded when it runs (`await import`), so a start pays only for
// what its command needs: `--help` never loads zod or yaml, `evaluate` never loads verify's code.
export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('pgcheck')
    .description('Check privacy-tool candidates against declarative recommendation criteria.')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText(
      'after',
      '\nExit codes:\n  0  every candidate meets the minimum\n  1  a candidate fails the minimum (or is incomplete or stale, with --fail-on unknown or stale)\n  2  usage error, a file that cannot be read or is invalid, or a --report file that cannot be written\n  3  internal error in pgcheck',
    );

  addReportOptions(
    program
      .command('evaluate')
      .description('evaluate candidate manifests (files, or directories searched for *.yaml/*.yml)'),
  ).action(async (paths: string[], options) =>
    setExitCode(await (await import('./evaluate.js')).evaluateCommand(paths, options, io)),
  );

  addReportOptions(
    program.command('compare').description('compare candidates in one matrix: criteria as rows, candidates as columns'),
  ).action(async (paths: string[], options) =>
    setExitCode(await (await import('./evaluate.js')).evaluateCommand(paths, options, io, 'compare')),
  );

  const verify = program
    .command('verify')
    .description('check the evidence in candidate manifests online: source URLs, quotes, GitHub repositories')
    .argument('<paths...>', 'manifest files or directories')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...verifyFormatters.keys()]).default('table'),
    )
    .addOption(
      new Option('--timeout <seconds>', 'connect, headers and body-idle timeout; a whole request gets 3 times this')
        .argParser(parseSeconds)
        .default(10),
    )
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').argParser(parseCount(256)).default(16))
    .addOption(
      new Option('--per-host <n>', 'requests in flight at once to one host').argParser(parseCount(64)).default(4),
    )
    .addOption(
      new Option('--max-inactivity <duration>', "longest time since a repository's last push, e.g. 12m, 1y, 90d")
        .argParser(parseInactivity)
        .default(parseInactivity('12m'), '12m'),
    )
    .addOption(
      new Option('--github-api <url>', 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)')
        .argParser(parseApiBase)
        .default('https://api.github.com/', 'https://api.github.com'),
    )
    .option('--allow-private-network', 'also fetch from loopback, private and other non-public addresses')
    .option(
      '-c, --criteria <id-or-path>',
      "criteria set whose declared facts the manifests follow, instead of each one's category",
    )
    .addOption(criteriaDirOption())
    .option('--no-color', 'never colour the output (NO_COLOR works too)');
  addLimitOptions(verify).action(async (paths: string[], options) =>
    setExitCode(await (await import('./verify.js')).verifyCommand(paths, options, io)),
  );

  acceptNoColor(
    program
      .command('schema')
      .description('print the JSON Schema of candidate manifests')
      .option('--criteria', 'print the JSON Schema of criteria files instead')
      .option(
        '--category <id-or-path>',
        "print the JSON Schema of that category's manifests, its declared facts included",
      ),
  ).action(async (options: { criteria?: boolean; category?: string }) =>
    setExitCode(await (await import('./schema.js')).schemaCommand(options, io)),
  );

  registerValidate(program, io, setExitCode);
  registerInit(program, io, setExitCode);
  registerCriteria(program, io, setExitCode);
  registerDiff(program, io, setExitCode);

  return program;
}

/** The inputs and options `evaluate` and `compare` share. */
function addReportOptions(command: Command): Command {
  command
    .argument('<paths...>', 'manifest files or directories')
    .option('-c, --criteria <id-or-path>', "criteria set to apply instead of each manifest's category")
    .addOption(criteriaDirOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formatters.keys()]).default('table'))
    .option('--report <format=path>', 'also write a report in that format to that file (repeatable)', parseReportTarget)
    .addOption(
      new Option(
        '--fail-on <state>',
        `also exit 1 when a candidate has results in this state: ${failOnStates.join(', ')} (repeatable, or comma-separated)`,
      )
        .argParser(collectFailOn)
        .default([]),
    )
    .option(
      '--as-of <date>',
      'evaluate as of this day, YYYY-MM-DD, for staleness and waiver expiry (default: today)',
      asOfDate,
    )
    .option('--require-evidence', 'require a source for every claim a result relies on, for every criterion')
    .option('--no-waivers', "ignore the manifests' waivers")
    .option(
      '-q, --quiet',
      'show only what fails: candidates not meeting the minimum and their failing or unknown results',
    )
    .option('--no-color', 'never colour the output (NO_COLOR works too)');
  return addLimitOptions(command);
}

/**
 * One state per use (repeatable, or comma-separated): a variadic option would take the paths that
 * follow it as more states.
 */
function collectFailOn(value: string, previous: FailOn[]): FailOn[] {
  const states = value.split(',').map((state) => state.trim());
  const unknown = states.find((state) => !(failOnStates as readonly string[]).includes(state));
  if (unknown !== undefined)
    throw new InvalidArgumentError(`expected one of ${failOnStates.join(', ')}, got "${unknown}".`);
  return [...previous, ...(states as FailOn[])];
}

function asOfDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD.');
  return value;
}

/** Runs the CLI; resolves to the exit code. Never throws: a bug becomes exit 3 with one line on stderr. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    reportCrash(io, error);
    return 3;
  }
}
