import type { CriteriaSet } from '../load/criteria.js';
import { CriteriaCache, type CriteriaSources, installedCriteriaIds } from '../load/criteria-sets.js';
import { describeCheck } from '../engine/describe-check.js';
import { describeFactType } from '../schema/facts.js';
import { requireCriteria } from './criteria-option.js';

/** One line's worth about a criteria set, as `pgcheck criteria` lists it. */
export interface CriteriaSetSummary {
  id: string;
  title: string;
  file: string;
  source: string;
  revision: string;
  minimum: number;
  best_case: number;
}

/** A criterion with its checks in plain words, as `pgcheck criteria show` prints it. */
export interface CriterionDetails {
  id: string;
  level: 'minimum' | 'best-case';
  text: string;
  judged: string;
  /** The applies_when condition in plain words; absent when the criterion always applies. */
  applies_when?: string;
  check: string;
  /** `required` when every claim the criterion relies on needs a source (`evidence: required`). */
  evidence?: 'required';
  help?: string;
  /** The id of the set the criterion is inherited from (through `extends`); absent for the set's own. */
  from?: string;
}

/** A fact the set declares, as `criteria show` lists it. */
export interface FactDetails {
  name: string;
  /** The type in words: `enum: none | opt-in`, `integer (at least 1)`, `list of text`... */
  type: string;
  text: string;
}

export interface CriteriaSetDetails extends CriteriaSetSummary {
  description?: string;
  /** The set this one extends, as its file names it. */
  extends?: string;
  /** How old evidence may be before a result is flagged stale, e.g. `12 months`. */
  max_age?: string;
  /** The facts the set declares; absent when it declares none (its manifests' `facts` are free-form). */
  facts?: FactDetails[];
  criteria: CriterionDetails[];
}

export function summarizeCriteriaSet(set: CriteriaSet): CriteriaSetSummary {
  const count = (level: string) => set.criteria.filter((criterion) => criterion.level === level).length;
  return {
    id: set.id,
    title: set.title,
    file: set.file,
    source: set.source,
    revision: set.revision,
    minimum: count('minimum'),
    best_case: count('best-case'),
  };
}

export function describeCriteriaSet(set: CriteriaSet): CriteriaSetDetails {
  return {
    ...summarizeCriteriaSet(set),
    ...(set.description === undefined ? {} : { description: set.description.trim() }),
    ...(set.extends === undefined ? {} : { extends: set.extends }),
    ...(set.max_age === undefined ? {} : { max_age: set.max_age }),
    ...(set.facts === undefined
      ? {}
      : {
          facts: Object.entries(set.facts).map(([name, declaration]) => ({
            name,
            type: describeFactType(declaration),
            text: declaration.text.trim(),
          })),
        }),
    criteria: set.criteria.map((criterion) => ({
      id: criterion.id,
      level: criterion.level,
      text: criterion.text.trim(),
      judged: criterion.judged.trim(),
      ...(criterion.appliesWhen ? { applies_when: describeCheck(criterion.appliesWhen) } : {}),
      check: describeCheck(criterion.check),
      ...(criterion.evidenceRequired ? { evidence: 'required' as const } : {}),
      ...(criterion.help ? { help: criterion.help } : {}),
      ...(criterion.from ? { from: criterion.from } : {}),
    })),
  };
}

/** The ids of the installed criteria sets plus how to load any set by id or path. */
export class CriteriaCatalog {
  private readonly cache: CriteriaCache;

  constructor(
    private readonly directory?: string,
    sources: CriteriaSources = {},
  ) {
    this.cache = new CriteriaCache(directory, undefined, sources);
  }

  installedIds(): string[] {
    return installedCriteriaIds(this.directory);
  }

  /** Loads a set by installed id or file path; throws CriteriaError (with the file's problems) when it cannot. */
  load(reference: string): Promise<CriteriaSet> {
    return requireCriteria(this.cache, reference);
  }
}
