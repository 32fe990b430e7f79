import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Artifacts, Formatter } from '../format/format.js';
import { formatters } from '../format/registry.js';
import { terminalText } from '../format/terminal-text.js';
import type { Report } from '../report/report.js';
import { makeDirectory, prepareOutputFile } from '../run/output-path.js';
import type { Io } from './io.js';

export interface ReportTarget {
  formatter: Formatter;
  path: string;
}

/** commander argParser for a repeatable `--report <format>=<path>`. */
export function parseReportTarget(value: string, previous: ReportTarget[] = []): ReportTarget[] {
  const separator = value.indexOf('=');
  const name = value.slice(0, separator);
  const path = value.slice(separator + 1);
  if (separator < 1 || path === '')
    throw new InvalidArgumentError(`expected <format>=<path>, e.g. junit=out/junit.xml.`);
  const formatter = formatters.get(name);
  if (!formatter)
    throw new InvalidArgumentError(`unknown format "${name}"; choose one of ${[...formatters.keys()].join(', ')}.`);
  return [...previous, { formatter, path }];
}

/**
 * Checks, before anything is evaluated, that every report can be written (making its directory).
 * Returns false after saying why on stderr when one cannot.
 */
export async function prepareReports(targets: readonly ReportTarget[], io: Io): Promise<boolean> {
  let ok = true;
  for (const { formatter, path } of targets) {
    const problem = await prepareOutputFile(path);
    if (problem === undefined) continue;
    io.stderr(`error: --report ${formatter.name}=${terminalText(path)}: ${terminalText(problem)}\n`);
    ok = false;
  }
  return ok;
}

/**
 * Writes each extra report (creating parent directories), always the full report without colour.
 * Returns false when one could not be written, after saying why on stderr.
 */
export async function writeReports(
  targets: readonly ReportTarget[],
  report: Report,
  view: 'evaluate' | 'compare',
  io: Io,
  artifacts?: Artifacts,
): Promise<boolean> {
  let ok = true;
  for (const { formatter, path } of targets) {
    const render = view === 'compare' && formatter.renderCompare ? formatter.renderCompare : formatter.render;
    try {
      const unusable = await makeDirectory(dirname(path));
      if (unusable) throw new Error(unusable);
      await writeFile(path, render(report, { color: false, ...(artifacts ? { artifacts } : {}) }));
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      io.stderr(
        `error: --report ${formatter.name}=${terminalText(path)}: cannot write the report (${terminalText(reason)})\n`,
      );
      ok = false;
    }
  }
  return ok;
}
