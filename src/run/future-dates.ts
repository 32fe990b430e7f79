import { pathText } from '../engine/findings.js';
import type { Problem } from '../load/problem.js';
import { locate, type YamlSource } from '../load/source.js';
import type { Path } from '../path.js';

/** The manifest's `reviewed` and every source's `retrieved`: the days its evidence was checked. */
export function evidenceDates(manifest: unknown): { path: Path; date: string }[] {
  const dates: { path: Path; date: string }[] = [];
  const reviewed = (manifest as { reviewed?: unknown } | null)?.reviewed;
  if (typeof reviewed === 'string') dates.push({ path: ['reviewed'], date: reviewed });
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      // A source entry is an element of a `sources` list; its `retrieved` is the day it was read.
      if (key === 'retrieved' && typeof child === 'string' && path.at(-2) === 'sources')
        dates.push({ path: [...path, key], date: child });
      else visit(child, [...path, key]);
    }
  };
  visit(manifest, []);
  return dates;
}

/**
 * Evidence cannot have been checked after today (an error: it would never go stale), and evidence
 * checked after the evaluation day (an earlier `--as-of`) was not known on that day (a warning).
 */
export function futureDateProblems(
  manifest: unknown,
  source: YamlSource,
  days: { today: string; asOf: string },
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const { path, date } of evidenceDates(manifest)) {
    if (date <= days.asOf && date <= days.today) continue;
    const { line, column } = locate(source, path);
    const at = `${pathText(path)}: ${date}`;
    const verb = path.at(-1) === 'reviewed' ? 'reviewed' : 'retrieved';
    if (date > days.today)
      errors.push({
        file: source.file,
        line,
        column,
        message: `${at} is after today (${days.today}); a date in the future cannot be right`,
      });
    else
      warnings.push({
        file: source.file,
        line,
        column,
        message: `${at} is after the evaluation day ${days.asOf}: ${verb} after the evaluation day, so this report may use facts not known then`,
      });
  }
  return { errors, warnings };
}
