import { criteriaDefinitionOf, type CriteriaDefinition } from './kind.js';
import { discoverFiles } from './discover.js';
import type { Limits } from './limits.js';
import { readText } from './read-file.js';
import { parseYaml } from './source.js';

/**
 * The criteria files under `paths` (files, or directories searched for *.yaml and *.yml), by the id
 * each gives itself, in file order. Only files that mention `pgcheck_criteria` are parsed; files that
 * cannot be read or parsed are left to whoever reads them as what they are.
 */
export async function scanCriteriaFiles(
  paths: readonly string[],
  limits?: Partial<Limits>,
): Promise<CriteriaDefinition[]> {
  const { files } = await discoverFiles(paths, limits);
  const found: CriteriaDefinition[] = [];
  for (const file of files) {
    const read = await readText(file, limits);
    if ('problem' in read || !read.text.includes('pgcheck_criteria')) continue;
    const definition = criteriaDefinitionOf(parseYaml(file, read.text, limits));
    if (definition) found.push(definition);
  }
  return found;
}
