import { isAbsolute, relative, sep } from 'node:path';
import { type Command, Option } from 'commander';
import type { CriteriaSet } from '../load/criteria.js';
import { looksLikePath } from '../load/criteria-sets.js';
import { closest } from '../schema/suggest.js';
import { terminalText } from '../format/terminal-text.js';
import type { CriteriaCatalog, CriteriaSetDetails, CriteriaSetSummary } from '../run/criteria-info.js';
import { printCriteriaError } from './criteria-error.js';
import { acceptNoColor } from './color.js';
import type { Io } from './io.js';
import { registerSync } from './sync.js';

export type InfoFormat = 'text' | 'json';

/** `pgcheck criteria [id-or-path...]`: the installed sets, or the ones named. */
export async function listCriteriaCommand(
  references: string[],
  options: { format: InfoFormat },
  io: Io,
): Promise<number> {
  // Loaded on demand, as each command's own modules are (src/cli/main.ts).
  const { CriteriaCatalog, summarizeCriteriaSet } = await import('../run/criteria-info.js');
  const catalog = new CriteriaCatalog();
  const mistyped = mistypedSubcommand(references[0], catalog);
  if (mistyped) {
    io.stderr(`error: unknown subcommand ${terminalText(mistyped.typed)}; did you mean ${mistyped.meant}?\n`);
    return 2;
  }
  const wanted = references.length > 0 ? references : catalog.installedIds();
  const sets = await loadAll(catalog, wanted, io);
  const summaries = sets.loaded.map((set) => shownFile(summarizeCriteriaSet(set)));
  if (options.format === 'json') io.stdout(`${JSON.stringify(summaries, null, 2)}\n`);
  else if (summaries.length > 0) io.stdout(listText(summaries));
  else if (!sets.failed) io.stdout('no criteria sets installed\n');
  return sets.failed ? 2 : 0;
}

const SUBCOMMANDS = ['list', 'show'];

/**
 * `list` is the default, so `criteria shwo x` would list sets named "shwo" and "x": a first argument
 * that names no installed set and no file but is a near miss of a subcommand is taken for a typo.
 */
function mistypedSubcommand(
  first: string | undefined,
  catalog: CriteriaCatalog,
): { typed: string; meant: string } | undefined {
  if (first === undefined || looksLikePath(first) || catalog.installedIds().includes(first)) return undefined;
  const meant = closest(first, SUBCOMMANDS);
  return meant === undefined ? undefined : { typed: first, meant };
}

/** `pgcheck criteria show <id-or-path>`: every criterion with its checks in plain words. */
export async function showCriteriaCommand(
  reference: string | undefined,
  options: { criteria?: string; format: InfoFormat },
  io: Io,
): Promise<number> {
  const wanted = reference ?? options.criteria;
  if (wanted === undefined) {
    io.stderr('error: name a criteria set: pgcheck criteria show <id-or-path> (installed: see pgcheck criteria)\n');
    return 2;
  }
  const { CriteriaCatalog, describeCriteriaSet } = await import('../run/criteria-info.js');
  const { loaded, failed } = await loadAll(new CriteriaCatalog(), [wanted], io);
  const details = loaded.map((set) => shownFile(describeCriteriaSet(set)));
  if (options.format === 'json') io.stdout(details.map((set) => `${JSON.stringify(set, null, 2)}\n`).join(''));
  else io.stdout(details.map(showText).join('\n'));
  return failed ? 2 : 0;
}

/** Files under the working directory are shown relative to it, as the user would type them. */
function shownFile<T extends { file: string }>(info: T): T {
  const shown = relative(process.cwd(), info.file);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? { ...info, file: shown.split(sep).join('/') } : info;
}

async function loadAll(
  catalog: CriteriaCatalog,
  references: string[],
  io: Io,
): Promise<{ loaded: CriteriaSet[]; failed: boolean }> {
  const loaded: CriteriaSet[] = [];
  let failed = false;
  for (const reference of references) {
    try {
      loaded.push(await catalog.load(reference));
    } catch (error) {
      printCriteriaError(io, error);
      failed = true;
    }
  }
  return { loaded, failed };
}

function listText(summaries: CriteriaSetSummary[]): string {
  const rows = [
    ['id', 'title', 'minimum', 'best-case', 'source'],
    ...summaries.map((set) => [
      set.id,
      terminalText(set.title),
      String(set.minimum),
      String(set.best_case),
      terminalText(set.source),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map(
      (row) =>
        `${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}\n`,
    )
    .join('');
}

const WIDTH = 100;
const LABEL = 12;

function showText(set: CriteriaSetDetails): string {
  const lines = [
    `${terminalText(set.title)} (${set.id})`,
    field('source', `${set.source} (revision ${set.revision})`),
    field('file', set.file),
    field('criteria', `${set.minimum} minimum, ${set.best_case} best-case`),
  ];
  if (set.extends) lines.push(field('extends', set.extends));
  if (set.max_age) lines.push(field('max age', `${set.max_age}: older evidence makes a result stale`));
  if (set.description) lines.push('', ...wrap(set.description, 0));
  if (set.facts) {
    lines.push('', `facts (${set.facts.length} declared; a manifest may give only these)`);
    for (const fact of set.facts)
      lines.push(
        `  ${fact.name}: ${terminalText(fact.type)}`,
        ...wrap(fact.text, 4).map((line, index) => (index === 0 ? `    ${line}` : line)),
      );
  }
  for (const criterion of set.criteria) {
    lines.push('', `${criterion.id} (${criterion.level}${criterion.from ? `, from ${criterion.from}` : ''})`);
    lines.push(field('text', criterion.text, 2), field('judged', criterion.judged, 2));
    lines.push(
      field(
        'applies',
        criterion.applies_when ? `when ${criterion.applies_when}; otherwise not applicable` : 'always',
        2,
      ),
    );
    lines.push(field('check', criterion.check, 2));
    if (criterion.evidence) lines.push(field('evidence', 'required: each claim the check relies on needs a source', 2));
    if (criterion.help) lines.push(field('help', criterion.help, 2));
  }
  return `${lines.join('\n')}\n`;
}

function field(label: string, value: string, indent = 0): string {
  const head = `${' '.repeat(indent)}${`${label}:`.padEnd(LABEL)}`;
  const [first = '', ...rest] = wrap(value, head.length);
  return [`${head}${first.trimStart()}`, ...rest].join('\n');
}

/** Wraps text at word boundaries to WIDTH, indenting every line after the first by `indent`. */
function wrap(text: string, indent: number): string[] {
  const words = terminalText(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : `${' '.repeat(indent)}${text}`));
}

export function registerCriteria(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const format = () => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
  const criteria = program
    .command('criteria')
    .description('list the installed criteria sets, or show one criterion by criterion');
  acceptNoColor(criteria);
  acceptNoColor(criteria.command('list', { isDefault: true }))
    .description(
      'list criteria sets: id, title, number of minimum and best-case criteria, source (default: the installed ones)',
    )
    .argument('[ids-or-paths...]', 'installed ids or paths of criteria files')
    .addOption(format())
    .action(async (references: string[], options: { format: InfoFormat }) =>
      setExitCode(await listCriteriaCommand(references, options, io)),
    );
  acceptNoColor(criteria.command('show'))
    .description(
      'print each criterion of a set: text, level, how it is judged, when it applies, its check in plain words',
    )
    .argument('[id-or-path]', 'installed id or path of a criteria file')
    .option('-c, --criteria <id-or-path>', 'the same, as an option')
    .addOption(format())
    .action(async (reference: string | undefined, options: { criteria?: string; format: InfoFormat }) =>
      setExitCode(await showCriteriaCommand(reference, options, io)),
    );
  registerSync(criteria, io, setExitCode);
}
