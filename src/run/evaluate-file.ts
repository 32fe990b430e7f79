import { evaluateManifest } from '../engine/evaluate.js';
import { CriteriaCache } from '../load/criteria-sets.js';
import type { Limits } from '../load/limits.js';
import { isCandidateFile, loadManifest } from '../load/manifest.js';
import type { Problem } from '../load/problem.js';
import { locate } from '../load/source.js';
import { type CandidateReport, resultReport } from '../report/report.js';
import { waiverProblems } from './waiver-problems.js';

/** How each file of a batch is evaluated. */
export interface FileSettings {
  /** `--criteria`, already checked to resolve; otherwise each manifest's `category` is used. */
  criteria?: string;
  criteriaDir?: string;
  asOf: string;
  requireEvidence: boolean;
  waivers: boolean;
  limits: Limits;
}

/** What one file contributed to a batch report. */
export interface FileOutcome {
  candidate?: CandidateReport;
  /** Where the criteria set applied to the file came from (`--criteria` or the category), when one was. */
  reference?: string;
  errors: Problem[];
  warnings: Problem[];
  /** The file is a candidate manifest (valid or not), as opposed to a criteria file met in a directory. */
  isCandidate: boolean;
}

export type FileEvaluator = (file: string, named: boolean) => Promise<FileOutcome>;

/** Evaluates single files under `settings`, loading each criteria set once. */
export function fileEvaluator(settings: FileSettings, cache = new CriteriaCache(settings.criteriaDir, settings.limits)): FileEvaluator {
  return async (file, named) => {
    const load = await loadManifest(file, settings.limits);
    if (!load.ok) {
      const isCandidate = isCandidateFile(load, named);
      return { errors: isCandidate ? load.problems : [], warnings: [], isCandidate };
    }
    const { manifest, source } = load.loaded;
    const reference = settings.criteria ?? manifest.category;
    const resolution = await cache.resolve(reference);
    if (!resolution.ok) {
      const { line, column } = locate(source, ['category']);
      const message = 'unknownId' in resolution ? `category: ${resolution.message}` : `category: criteria set "${manifest.category}" is invalid`;
      const errors: Problem[] = [{ file, line, column, message }];
      if ('problems' in resolution) errors.push(...resolution.problems);
      return { errors, warnings: [], isCandidate: true };
    }
    const set = resolution.set;
    const evaluation = evaluateManifest(set, manifest, { asOf: settings.asOf, requireEvidence: settings.requireEvidence, waivers: settings.waivers });
    const notes = waiverProblems(evaluation.waiverNotes, source);
    // The set was applied (the report lists it), though the candidate is not reported.
    if (notes.errors.length > 0) return { reference, errors: notes.errors, warnings: [], isCandidate: true };
    const candidate: CandidateReport = {
      file,
      name: manifest.name,
      criteria: set.id,
      verdict: evaluation.verdict,
      best_case: evaluation.bestCase,
      results: evaluation.results.map((result) => resultReport(result, (path) => locate(source, path))),
    };
    return { candidate, reference, errors: [], warnings: notes.warnings, isCandidate: true };
  };
}
