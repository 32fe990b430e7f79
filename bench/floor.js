// The floor for a batch: read and parse every file with `yaml` in one process, and nothing else.
// With --validate, also validate each with pgcheck's manifest schema (zod's safeParse, as the library
// exports it after `npm run build`): the floor of a design that validates every manifest with zod.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const validate = process.argv.includes('--validate');
const directory = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
const schema = validate ? (await import('../dist/index.js')).manifestSchema : undefined;
let parsed = 0;
for (const name of readdirSync(directory).sort()) {
  if (!name.endsWith('.yaml')) continue;
  const value = parse(readFileSync(join(directory, name), 'utf8'));
  if (schema && !schema.safeParse(value).success) process.exitCode = 1;
  parsed += 1;
}
if (parsed === 0) process.exitCode = 1;
