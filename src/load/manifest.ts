import { type Manifest, manifestSchema } from '../schema/manifest.js';
import type { Limits } from './limits.js';
import { readText } from './read-file.js';
import type { Problem } from './problem.js';
import { type ParsedYaml, parseYaml, type YamlSource } from './source.js';
import { type CriteriaDefinition, criteriaDefinitionOf, isCriteriaDocument } from './kind.js';
import { licenceWarnings } from './licence-warnings.js';
import { validateParsed } from './validate.js';

export interface LoadedManifest {
  file: string;
  manifest: Manifest;
  source: YamlSource;
  /** Valid but worth changing, e.g. a deprecated SPDX licence id (`pgcheck validate` prints them; evaluate does not). */
  warnings: Problem[];
}

export type ManifestLoad =
  | { ok: true; loaded: LoadedManifest }
  | { ok: false; file: string; problems: Problem[]; isCriteria?: boolean; /** A criteria file's id and where it is written. */ definition?: CriteriaDefinition };

export function parseManifest(file: string, text: string, limits?: Partial<Limits>): ManifestLoad {
  return manifestFromYaml(parseYaml(file, text, limits));
}

/** parseManifest for YAML already parsed, so a caller that inspected it does not parse it again. */
export function manifestFromYaml(parsed: ParsedYaml): ManifestLoad {
  const file = parsed.source.file;
  const result = validateParsed(parsed, manifestSchema);
  if (!result.ok && result.source && isCriteriaDocument(result.source)) {
    const problem = { file, line: 1, column: 1, message: 'this is a criteria file, not a candidate manifest (give it with --criteria)' };
    const definition = criteriaDefinitionOf(parsed);
    return { ok: false, file, problems: [problem], isCriteria: true, ...(definition ? { definition } : {}) };
  }
  if (!result.ok) return { ok: false, file, problems: result.problems };
  return { ok: true, loaded: { file, manifest: result.value, source: result.source, warnings: licenceWarnings(result.value, result.source) } };
}

/**
 * Whether a file counts as a candidate manifest of the run (valid or not). A criteria file met while
 * searching a directory does not; named outright, it is a mistake and is reported.
 */
export function isCandidateFile(load: ManifestLoad, named: boolean): boolean {
  return load.ok || !load.isCriteria || named;
}

export async function loadManifest(file: string, limits?: Partial<Limits>): Promise<ManifestLoad> {
  const read = await readText(file, limits);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  return parseManifest(file, read.text, limits);
}
