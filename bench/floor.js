// The floor for a batch: read and parse every file with `yaml` in one process, and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const directory = process.argv[2];
let parsed = 0;
for (const name of readdirSync(directory).sort()) {
  if (!name.endsWith('.yaml')) continue;
  parse(readFileSync(join(directory, name), 'utf8'));
  parsed += 1;
}
if (parsed === 0) process.exitCode = 1;
