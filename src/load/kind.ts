import { locate, type ParsedYaml, type YamlSource } from './source.js';

/** Criteria files declare their format with a top-level `pgcheck_criteria` key; manifests with `pgcheck`. */
export function isCriteriaDocument(source: YamlSource): boolean {
  return source.tree.declares('pgcheck_criteria');
}

/** A criteria file as a run knows it before loading it: its id and where that id is written. */
export interface CriteriaDefinition {
  id: string;
  file: string;
  line: number;
  column: number;
}

/** The id a criteria document gives itself, with its position; undefined for a manifest or a file with no id. */
export function criteriaDefinitionOf(parsed: ParsedYaml): CriteriaDefinition | undefined {
  if (!isCriteriaDocument(parsed.source)) return undefined;
  const id = (parsed.value as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') return undefined;
  return { id, file: parsed.source.file, ...locate(parsed.source, ['id']) };
}
