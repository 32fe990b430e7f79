import { addLimitOptions, limitsFromOptions } from './limit-options.js';
import { type Command, Option } from 'commander';
import { terminalText } from '../format/terminal-text.js';
import { packageVersion } from '../paths.js';
import { printCriteriaError } from './criteria-error.js';
import type { FileValidation, Validation } from '../run/validate-files.js';
import { acceptNoColor } from './color.js';
import { type Io, printProblems } from './io.js';
import { criteriaDirOption } from './criteria-dir-option.js';

export interface ValidateCommandOptions {
  criteria?: string;
  criteriaDir?: string[];
  format: 'text' | 'json';
  quiet?: boolean;
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions, io: Io): Promise<number> {
  let validation: Validation;
  // Loaded on demand, as each command's own modules are (src/cli/main.ts).
  const { validateFiles } = await import('../run/validate-files.js');
  try {
    const limits = limitsFromOptions(options);
    validation = await validateFiles(paths, {
      limits,
      ...(options.criteria === undefined ? {} : { criteria: options.criteria }),
      ...(options.criteriaDir?.length ? { criteriaDirs: options.criteriaDir } : {}),
    });
  } catch (error) {
    printCriteriaError(io, error);
    return 2;
  }
  for (const file of validation.files) {
    printProblems(io, file.problems);
    printProblems(io, file.warnings ?? [], 'warning: ');
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ tool: 'pgcheck', version: packageVersion(), ...validation }, null, 2)}\n`);
  } else if (!options.quiet) {
    io.stdout(
      validation.files
        .filter((file) => file.valid)
        .map((file) => `ok  ${terminalText(file.file)} (${describe(file)})\n`)
        .join(''),
    );
    io.stdout(`${summaryLine(validation)}\n`);
  }
  return validation.summary.invalid > 0 ? 2 : 0;
}

function describe(file: FileValidation): string {
  if (file.kind === 'criteria') return `criteria, ${file.id}, ${file.criteria} criteria`;
  return `${file.kind}, ${file.id}`;
}

function summaryLine(validation: Validation): string {
  const { summary } = validation;
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  const warnings = validation.files.reduce((sum, file) => sum + (file.warnings?.length ?? 0), 0);
  return `${files}: ${summary.valid} valid, ${summary.invalid} invalid${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
}

export function registerValidate(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const command = program
    .command('validate')
    .description(
      'check manifests and criteria files without evaluating (files, or directories searched for *.yaml/*.yml)',
    )
    .argument('<paths...>', 'manifest or criteria files, or directories')
    .option('-c, --criteria <id-or-path>', 'a criteria set manifests may name in `category` besides the installed ones')
    .addOption(criteriaDirOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print only problems');
  addLimitOptions(acceptNoColor(command)).action(async (paths: string[], options: ValidateCommandOptions) =>
    setExitCode(await validateCommand(paths, options, io)),
  );
}
