import type { Command } from 'commander';
import { terminalText } from '../format/terminal-text.js';
import type { InitManifestOptions } from '../init/init-manifest.js';
import { acceptNoColor } from './color.js';
import { type Io, printProblems } from './io.js';
import { criteriaDirOption } from './criteria-dir-option.js';

export async function initCommand(file: string | undefined, options: InitManifestOptions, io: Io): Promise<number> {
  // Loaded on demand, as each command's own modules are (src/cli/main.ts).
  const { initManifest } = await import('../init/init-manifest.js');
  const result = await initManifest(file, options);
  if (!result.ok) {
    printProblems(io, result.problems);
    io.stderr(`error: ${terminalText(result.message)}\n`);
    return 2;
  }
  if (result.file === undefined) {
    io.stdout(result.text);
    return 0;
  }
  const shown = terminalText(result.file);
  io.stdout(
    `wrote ${shown}\nnext: fill in what public sources confirm, then run pgcheck validate ${shown} and pgcheck evaluate ${shown}\n`,
  );
  return 0;
}

export function registerInit(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const command = program
    .command('init')
    .description('write a starter manifest with every field commented out (missing means unknown)')
    .argument('[file]', 'file to write, or a directory to write <name>.yaml into; without it, print to stdout')
    .requiredOption('-n, --name <name>', 'name of the tool')
    .option('--category <id-or-path>', 'criteria set the manifest is for (default: the only installed one)')
    .addOption(criteriaDirOption())
    .option('--force', 'overwrite the file if it exists');
  acceptNoColor(command).action(
    async (
      file: string | undefined,
      { criteriaDir, ...options }: Omit<InitManifestOptions, 'criteriaDir'> & { criteriaDir: string[] },
    ) => setExitCode(await initCommand(file, { ...options, criteriaDirs: criteriaDir }, io)),
  );
}
