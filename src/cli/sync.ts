import { type Command, Option } from 'commander';
import { importCriteriaCommand, type ImportCommandOptions } from './criteria-import.js';
import { type DriftCommandOptions, driftCommand } from './criteria-drift.js';
import type { Io } from './io.js';
import { addLimitOptions } from './limit-options.js';
import { parseSeconds } from './verify-options.js';

/** `criteria import` and `criteria drift`: keeping a set true to the page it came from (docs/sync.md). */
export function registerSync(criteria: Command, io: Io, setExitCode: (code: number) => void): void {
  const importCommand = criteria
    .command('import')
    .description('turn a criteria page (markdown file, URL, or - for stdin) into a criteria set, every check a todo')
    .argument('<page>', 'the page: a markdown file, an http(s) URL of its markdown, or - for standard input')
    .option('--id <id>', 'id of the set (default: from the file name)')
    .option('--title <title>', 'title of the set (default: the page title)')
    .option('--source <url>', 'the public URL of the page (default: the URL read)')
    .option('--revision <date>', 'date of the page revision, YYYY-MM-DD (default: today)')
    .option(
      '--section <heading>',
      'the criteria section to import, by the heading it is under, when the page has several',
    )
    .option('-o, --output <file>', 'write the set to this file instead of stdout')
    .option('--force', 'overwrite the output file if it exists');
  addPageOptions(importCommand).action(async (page: string, options: ImportCommandOptions) =>
    setExitCode(await importCriteriaCommand(page, options, io)),
  );

  const drift = criteria
    .command('drift')
    .description(
      'compare a criteria set with the page it came from: each criterion unchanged, reworded, moved or removed, and bullets added',
    )
    .argument('<set>', 'installed id or path of a criteria file')
    .option(
      '--upstream <page>',
      "the page (markdown file or URL of its markdown) to compare with (default: the set's upstream)",
    )
    .option(
      '--section <heading>',
      'the criteria section to compare with, by the heading it is under, when the page has several',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'));
  addPageOptions(drift).action(async (set: string, options: DriftCommandOptions) =>
    setExitCode(await driftCommand(set, options, io)),
  );
}

/** How a page is fetched when a URL is given: verify's client, limits and guard. */
export function addPageOptions(command: Command): Command {
  command
    .addOption(
      new Option('--timeout <seconds>', 'connect, headers and body-idle timeout when fetching a URL')
        .argParser(parseSeconds)
        .default(10),
    )
    .option('--allow-private-network', 'also fetch from loopback, private and other non-public addresses');
  return addLimitOptions(command);
}
