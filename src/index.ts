/**
 * pgcheck's programmatic API: load criteria and manifests, evaluate them, render reports.
 * The CLI is built on exactly these functions.
 */
import { CriteriaCache } from './load/criteria-sets.js';
import type { CriteriaSet } from './load/criteria.js';
import { requireCriteria } from './run/criteria-option.js';
import { type EvaluateOptions, type Evaluation, evaluateManifest } from './engine/evaluate.js';
import { today } from './run/today.js';

export { evaluateCriterion, verdictOf } from './engine/evaluate.js';
export type { CriterionResult, Evaluation, EvaluateOptions, ResultStatus, Verdict } from './engine/evaluate.js';
export { describeFinding, describeWaiverNote, type Finding, type WaiverNote } from './engine/findings.js';
export { parseCriteria, type CriteriaSet, type Criterion, type CriteriaLoad } from './load/criteria.js';
export { loadCriteriaFile } from './load/criteria-file.js';
export { installedCriteriaIds } from './load/criteria-sets.js';
export { loadManifest, parseManifest, type LoadedManifest, type ManifestLoad } from './load/manifest.js';
export { formatProblem, type Problem } from './load/problem.js';
export { locate, type Position, type SourceTree, type YamlSource } from './load/source.js';
export { type Path, pathText } from './path.js';
export { defaultLimits, type Limits } from './load/limits.js';
export { evaluateFiles, CriteriaError, type EvaluateFilesOptions } from './run/evaluate-files.js';
export { exitCodeOf, type Report, type CandidateReport, type ResultReport, type Summary } from './report/report.js';
export { formatters } from './format/registry.js';
export { buildMatrices, type Matrix, type MatrixRow } from './report/matrix.js';
export { quietReport } from './report/quiet.js';
export type { Formatter, FormatOptions } from './format/format.js';
export { manifestSchema, manifestSchemaFor, type Manifest, type ManifestForm } from './schema/manifest.js';
export {
  factDeclarationSchema,
  factTypes,
  type FactDeclaration,
  type FactDeclarations,
  type FactType,
} from './schema/facts.js';
export { criteriaSetSchema } from './schema/criteria.js';
export { manifestJsonSchema, criteriaJsonSchema } from './schema/json-schema.js';
// `pgcheck verify`: the HTTP client (undici) is imported only when createHttpClient is called.
export { verifyFiles, type VerifyOptions } from './verify/verify-files.js';
export { createHttpClient, type HttpClientOptions } from './verify/client.js';
export type { HttpClient, HttpRequest, HttpResponse } from './verify/http.js';
export {
  verifyExitCode,
  type VerifyReport,
  type VerifiedCandidate,
  type CheckResult,
  type CheckOutcome,
} from './verify/report.js';
export { verifyFormatters } from './verify/format/registry.js';
export {
  validateFiles,
  type Validation,
  type FileValidation,
  type FileKind,
  type ValidateFilesOptions,
} from './run/validate-files.js';
export { initManifest, fileNameOf, type InitManifestOptions, type InitManifestResult } from './init/init-manifest.js';
export { manifestTemplate, MANIFEST_SCHEMA_URL, type TemplateOptions } from './init/manifest-template.js';
export {
  CriteriaCatalog,
  describeCriteriaSet,
  summarizeCriteriaSet,
  type CriteriaSetDetails,
  type CriteriaSetSummary,
  type CriterionDetails,
} from './run/criteria-info.js';
export { describeCheck } from './engine/describe-check.js';

/** Loads a criteria set by installed id (`photo-management`) or file path; throws CriteriaError when it cannot. */
export function loadCriteria(reference: string): Promise<CriteriaSet> {
  return requireCriteria(new CriteriaCache(), reference);
}

/**
 * Evaluates one validated manifest against a criteria set, as of `options.asOf` or, by default,
 * today on this machine's calendar (as the CLI does): staleness and waiver expiry depend on the day.
 */
export function evaluate(set: CriteriaSet, manifest: unknown, options: EvaluateOptions = {}): Evaluation {
  return evaluateManifest(set, manifest, { ...options, asOf: options.asOf ?? today() });
}
