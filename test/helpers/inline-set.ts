import { type CriteriaSet, parseCriteria } from '../../src/load/criteria.js';

/**
 * A criteria set written inside a test: the header every such set shares (id `inline`), then `body`
 * (its `criteria:` list, and any other top-level keys before it). Throws when it does not load.
 */
export function inlineSet(body: string): CriteriaSet {
  const load = parseCriteria(
    'inline.yaml',
    `pgcheck_criteria: 1
id: inline
title: Inline
source: https://example.org/c
revision: 2026-01-01
${body}`,
  );
  if (!load.ok) throw new Error(JSON.stringify(load.problems));
  return load.set;
}
