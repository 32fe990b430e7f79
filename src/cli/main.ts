import { Command, CommanderError, Option } from 'commander';
import { formatters } from '../format/registry.js';
import { packageVersion } from '../paths.js';
import { reportCrash } from './crash.js';
import { evaluateCommand } from './evaluate.js';
import { type Io, processIo } from './io.js';
import { addLimitOptions } from './limit-options.js';
import { schemaCommand } from './schema.js';

export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('pgcheck')
    .description('Check privacy-tool candidates against declarative recommendation criteria.')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText(
      'after',
      '\nExit codes:\n  0  every candidate meets the minimum\n  1  a candidate fails the minimum (or is incomplete, with --fail-on unknown)\n  2  usage error, or a file that cannot be read or is invalid\n  3  internal error in pgcheck',
    );

  const evaluate = program
    .command('evaluate')
    .description('evaluate candidate manifests (files, or directories searched for *.yaml/*.yml)')
    .argument('<paths...>', 'manifest files or directories')
    .option('-c, --criteria <id-or-path>', "criteria set to apply instead of each manifest's category")
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formatters.keys()]).default('table'))
    .addOption(new Option('--fail-on <state...>', 'also exit 1 when a candidate has results in this state').choices(['unknown']).default([]))
    .option('--no-color', 'never colour the output (NO_COLOR works too)')
    .action(async (paths: string[], options) => setExitCode(await evaluateCommand(paths, options, io)));
  addLimitOptions(evaluate);

  program
    .command('schema')
    .description('print the JSON Schema of candidate manifests')
    .option('--criteria', 'print the JSON Schema of criteria files instead')
    .action((options: { criteria?: boolean }) => setExitCode(schemaCommand(options, io)));

  return program;
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
