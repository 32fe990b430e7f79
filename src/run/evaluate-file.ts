import { evaluateManifest } from '../engine/evaluate.js';
import { valueLocation } from '../engine/fact-forms.js';
import {
  CriteriaCache,
  type CriteriaResolution,
  type CriteriaSources,
  unknownSetMessage,
} from '../load/criteria-sets.js';
import type { CriteriaDefinition } from '../load/kind.js';
import type { Limits } from '../load/limits.js';
import { manifestFromYaml, rawCategory } from '../load/manifest.js';
import { readText } from '../load/read-file.js';
import { parseYaml } from '../load/source.js';
import type { Problem } from '../load/problem.js';
import { locate, type YamlSource } from '../load/source.js';
import { type CandidateReport, resultReport } from '../report/report.js';
import { futureDateProblems } from './future-dates.js';
import { waiverProblems } from './waiver-problems.js';

/** How each file of a batch is evaluated. */
export interface FileSettings {
  /** `--criteria`, already checked to resolve; otherwise each manifest's `category` is used. */
  criteria?: string;
  criteriaDir?: string;
  /** Where categories are looked up besides the installed sets (the run's paths, `--criteria-dir`). */
  sources?: CriteriaSources;
  asOf: string;
  /** The day the run started, YYYY-MM-DD: evidence dated after it is an error. */
  today: string;
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
  /** The file is a candidate manifest (valid or not), as opposed to a criteria file. */
  isCandidate: boolean;
  /** The file is a criteria file: a set of the run, which manifests may name in `category` (by its id, when it has one). */
  criteriaFile?: { file: string; definition?: CriteriaDefinition };
}

export type FileEvaluator = (file: string, named: boolean) => Promise<FileOutcome>;

/** Evaluates single files under `settings`, loading each criteria set once. */
export function fileEvaluator(
  settings: FileSettings,
  cache = new CriteriaCache(settings.criteriaDir, settings.limits, settings.sources),
): FileEvaluator {
  return async (file) => {
    const read = await readText(file, settings.limits);
    if ('problem' in read) return { errors: [read.problem], warnings: [], isCandidate: true };
    const parsed = parseYaml(file, read.text, settings.limits);
    // The set is found first: a manifest's facts are validated against the facts that set declares.
    const wanted = parsed.problems.length === 0 ? (settings.criteria ?? rawCategory(parsed.value)) : undefined;
    const applied = wanted === undefined ? undefined : await cache.resolve(wanted);
    const load = manifestFromYaml(parsed, applied?.ok ? applied.set.facts : undefined);
    if (!load.ok) {
      // A criteria file among the paths, named or found in a directory, is a set of the run.
      if (load.isCriteria)
        return {
          errors: [],
          warnings: [],
          isCandidate: false,
          criteriaFile: { file, ...(load.definition ? { definition: load.definition } : {}) },
        };
      // A category that names no set, or an invalid one, is said first: its facts were read as free-form,
      // so their problems alone would mislead.
      const unusable =
        applied && !applied.ok && wanted !== undefined ? unusableSet(file, parsed.source, wanted, applied) : [];
      return { errors: [...unusable, ...load.problems], warnings: [], isCandidate: true };
    }
    const { manifest, source } = load.loaded;
    const reference = settings.criteria ?? manifest.category;
    const resolution = await cache.resolve(reference);
    if (!resolution.ok)
      return { errors: unusableSet(file, source, manifest.category, resolution), warnings: [], isCandidate: true };
    const set = resolution.set;
    const warnings = set.id === manifest.category ? [] : [otherSetNote(file, source, manifest.category, set.id)];
    const evaluation = evaluateManifest(set, manifest, {
      asOf: settings.asOf,
      requireEvidence: settings.requireEvidence,
      waivers: settings.waivers,
    });
    const notes = waiverProblems(evaluation.waiverNotes, source);
    const dates = futureDateProblems(manifest, source, settings);
    const errors = [...dates.errors, ...notes.errors];
    // The set was applied (the report lists it), though the candidate is not reported.
    if (errors.length > 0) return { reference, errors, warnings, isCandidate: true };
    const candidate: CandidateReport = {
      file,
      name: manifest.name,
      ...(manifest.homepage === undefined ? {} : { homepage: manifest.homepage }),
      criteria: set.id,
      verdict: evaluation.verdict,
      best_case: evaluation.bestCase,
      results: evaluation.results.map((result) =>
        resultReport(result, (path) => locate(source, valueLocation(manifest, path))),
      ),
    };
    return {
      candidate,
      reference,
      errors: [],
      warnings: [...warnings, ...dates.warnings, ...notes.warnings],
      isCandidate: true,
    };
  };
}

/** Why the set a manifest names cannot be applied, at its `category` line: no such set, or an invalid one (with the set's own problems). */
function unusableSet(
  file: string,
  source: YamlSource,
  category: string,
  resolution: Exclude<CriteriaResolution, { ok: true }>,
): Problem[] {
  if ('unknownId' in resolution) return [unknownCategory(file, source, resolution)];
  const { line, column } = locate(source, ['category']);
  return [{ file, line, column, message: `category: criteria set "${category}" is invalid` }, ...resolution.problems];
}

/** `--criteria` applied a set other than the one the manifest's `category` names: evaluated, but said. */
function otherSetNote(file: string, source: YamlSource, category: string, applied: string): Problem {
  const { line, column } = locate(source, ['category']);
  return {
    file,
    line,
    column,
    message: `category: the manifest is for "${category}" but was evaluated against "${applied}", given with --criteria`,
  };
}

/** The manifest's `category` names no set the run can find: said at its `category` line. */
function unknownCategory(
  file: string,
  source: YamlSource,
  resolution: Extract<CriteriaResolution, { unknownId: string }>,
): Problem {
  const { line, column } = locate(source, ['category']);
  const known = unknownSetMessage(
    resolution.unknownId,
    resolution.installed,
    'category',
    'installed',
    resolution.found,
  );
  return { file, line, column, message: `category: ${known}` };
}
