import type { CriteriaSet } from '../load/criteria.js';
import type { CriteriaCache } from '../load/criteria-sets.js';
import { CriteriaError } from './evaluate-files.js';

/** Loads the set a `--criteria` option (or any id-or-path reference) names; throws CriteriaError when it cannot. */
export async function requireCriteria(
  cache: CriteriaCache,
  reference: string,
  label = reference,
): Promise<CriteriaSet> {
  const resolution = await cache.resolve(reference);
  if (resolution.ok) return resolution.set;
  if ('problems' in resolution) throw new CriteriaError(`${label}: invalid criteria file`, resolution.problems);
  throw new CriteriaError(label === reference ? resolution.message : `${label}: ${resolution.message}`);
}
