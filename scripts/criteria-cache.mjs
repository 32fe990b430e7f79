// Parses the shipped criteria sets once, at build time, into dist/criteria-cache/<sha256>.json, where
// src/load/criteria-parse-cache.ts finds a file's value by the hash of its text (every run that
// evaluates a category would otherwise parse its set's YAML again). Run by `npm run build` after tsc.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { criteriaTextKey } from '../dist/load/criteria-parse-cache.js';
import { parseYaml } from '../dist/load/source.js';
import { installedCriteriaDir, parsedCriteriaDir } from '../dist/paths.js';

rmSync(parsedCriteriaDir, { recursive: true, force: true });
mkdirSync(parsedCriteriaDir, { recursive: true });
for (const name of readdirSync(installedCriteriaDir).filter((file) => /\.ya?ml$/.test(file))) {
  const file = join(installedCriteriaDir, name);
  const text = readFileSync(file, 'utf8');
  const parsed = parseYaml(file, text);
  // A file with a problem is left to the normal parse, which reports it with its position; so is a
  // value JSON cannot hold as it is (.inf and .nan would come back as null).
  if (parsed.problems.length > 0 || !isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.value)), parsed.value))
    continue;
  writeFileSync(join(parsedCriteriaDir, `${criteriaTextKey(text)}.json`), JSON.stringify(parsed.value));
}
