import type { ReportDiff } from '../diff.js';
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffTable } from './table.js';

export interface DiffFormatter {
  name: string;
  render(diff: ReportDiff): string;
}

/** `pgcheck diff --format` choices, by name. */
export const diffFormatters: ReadonlyMap<string, DiffFormatter> = new Map(
  [diffTable, diffJson, diffMarkdown].map((formatter) => [formatter.name, formatter]),
);
