import type { Formatter } from './format.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { table } from './table.js';

/** Every report format, by the name `--format` takes. */
export const formatters: ReadonlyMap<string, Formatter> = new Map(
  [table, json, markdown, junit, sarif, github, html].map((formatter) => [formatter.name, formatter]),
);
