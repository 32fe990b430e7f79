import type { VerifyFormatter } from './format.js';
import { verifyGithub } from './github.js';
import { verifyJson } from './json.js';
import { verifyJunit } from './junit.js';
import { verifyMarkdown } from './markdown.js';
import { verifySarif } from './sarif.js';
import { verifyTable } from './table.js';

/** Every `pgcheck verify` format, by the name `--format` takes. */
export const verifyFormatters: ReadonlyMap<string, VerifyFormatter> = new Map(
  [verifyTable, verifyJson, verifyMarkdown, verifyJunit, verifySarif, verifyGithub].map((formatter) => [
    formatter.name,
    formatter,
  ]),
);
