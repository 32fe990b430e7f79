import { statSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';

/** `--criteria-dir <dir>` (repeatable): directories of criteria sets a manifest's `category` may name. */
export function criteriaDirOption(): Option {
  return new Option(
    '--criteria-dir <dir>',
    'a directory of criteria sets manifests may name in `category`, after the installed ones and those among the paths (repeatable)',
  )
    .argParser(collectDirectory)
    .default([], 'none');
}

function collectDirectory(value: string, previous: string[]): string[] {
  const isDirectory = (() => {
    try {
      return statSync(value).isDirectory();
    } catch {
      return false;
    }
  })();
  if (!isDirectory) throw new InvalidArgumentError(`${value} is not a directory.`);
  return [...previous, value];
}
