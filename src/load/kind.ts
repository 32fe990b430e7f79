import type { YamlSource } from './source.js';

/** Criteria files declare their format with a top-level `pgcheck_criteria` key; manifests with `pgcheck`. */
export function isCriteriaDocument(source: YamlSource): boolean {
  return source.tree.declares('pgcheck_criteria');
}
