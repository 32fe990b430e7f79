import type { Formatter } from './format.js';
import { json } from './json.js';
import { table } from './table.js';

/** Every report format, by the name `--format` takes. */
export const formatters: ReadonlyMap<string, Formatter> = new Map([table, json].map((formatter) => [formatter.name, formatter]));
