/**
 * pgcheck's programmatic API: load criteria and manifests, evaluate them, render reports.
 * The CLI is built on exactly these functions.
 */
import { CriteriaCache } from './load/criteria-sets.js';
import type { CriteriaSet } from './load/criteria.js';
import { CriteriaError } from './run/evaluate-files.js';

export { evaluateManifest as evaluate, evaluateCriterion, verdictOf } from './engine/evaluate.js';
export type { CriterionResult, Evaluation, ResultStatus, Verdict } from './engine/evaluate.js';
export { describeFinding, type Finding } from './engine/findings.js';
export { parseCriteria, loadCriteriaFile, type CriteriaSet, type Criterion, type CriteriaLoad } from './load/criteria.js';
export { installedCriteriaIds } from './load/criteria-sets.js';
export { loadManifest, parseManifest, type LoadedManifest, type ManifestLoad } from './load/manifest.js';
export { formatProblem, type Problem } from './load/problem.js';
export { defaultLimits, type Limits } from './load/limits.js';
export { evaluateFiles, CriteriaError, type EvaluateFilesOptions } from './run/evaluate-files.js';
export { exitCodeOf, type Report, type CandidateReport, type ResultReport, type Summary } from './report/report.js';
export { formatters } from './format/registry.js';
export type { Formatter, FormatOptions } from './format/format.js';
export { manifestSchema, type Manifest } from './schema/manifest.js';
export { criteriaSetSchema } from './schema/criteria.js';
export { manifestJsonSchema, criteriaJsonSchema } from './schema/json-schema.js';

/** Loads a criteria set by installed id (`photo-management`) or file path; throws CriteriaError when it cannot. */
export async function loadCriteria(reference: string): Promise<CriteriaSet> {
  const resolution = await new CriteriaCache().resolve(reference);
  if (resolution.ok) return resolution.set;
  if ('problems' in resolution) throw new CriteriaError(`${reference}: invalid criteria file`, resolution.problems);
  throw new CriteriaError(resolution.message);
}
