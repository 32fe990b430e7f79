import { identifier } from '../schema/common.js';
import type { FactDeclarations } from '../schema/facts.js';
import { type Manifest, type manifestSchema, manifestSchemaFor } from '../schema/manifest.js';
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
  | {
      ok: false;
      file: string;
      problems: Problem[];
      isCriteria?: boolean;
      /** A criteria file's id and where it is written. */
      definition?: CriteriaDefinition;
    };

/** Parses and validates a manifest; with `facts` (a criteria set's declarations), its facts against them. */
export function parseManifest(
  file: string,
  text: string,
  limits?: Partial<Limits>,
  facts?: FactDeclarations,
): ManifestLoad {
  return manifestFromYaml(parseYaml(file, text, limits), facts);
}

/**
 * parseManifest for YAML already parsed, so a caller that inspected it does not parse it again. With
 * `facts`, the declarations of the set the manifest is evaluated with, its `facts` are held to them.
 */
export function manifestFromYaml(parsed: ParsedYaml, facts?: FactDeclarations): ManifestLoad {
  const file = parsed.source.file;
  const result = validateParsed(parsed, manifestSchemaFor(facts) as typeof manifestSchema);
  if (!result.ok && result.source && isCriteriaDocument(result.source)) {
    const problem = {
      file,
      line: 1,
      column: 1,
      message: 'this is a criteria file, not a candidate manifest (give it with --criteria)',
    };
    const definition = criteriaDefinitionOf(parsed);
    return { ok: false, file, problems: [problem], isCriteria: true, ...(definition ? { definition } : {}) };
  }
  if (!result.ok) return { ok: false, file, problems: result.problems };
  return {
    ok: true,
    loaded: {
      file,
      manifest: result.value,
      source: result.source,
      // Worked out when asked: only `validate` prints them, and evaluate of 1,000 files spent ~30 ms here.
      get warnings() {
        return licenceWarnings(result.value, result.source);
      },
    },
  };
}

/**
 * Whether a file counts as a candidate manifest of the run (valid or not). A criteria file does not,
 * named or found in a directory: it is a set the run's manifests may name (as for evaluate).
 */
export function isCandidateFile(load: ManifestLoad): boolean {
  return load.ok || !load.isCriteria;
}

/**
 * The category a parsed manifest names, read before validation so the manifest can be validated
 * against that set's facts; only a well-formed id (never a path) counts.
 */
export function rawCategory(value: unknown): string | undefined {
  const category = (value as { category?: unknown } | null)?.category;
  return identifier.safeParse(category).success ? (category as string) : undefined;
}

/** The facts declared by the set a manifest names in `category`, when that is a usable set. */
export type FactsFor = (category: string) => Promise<FactDeclarations | undefined>;

/** Reads and validates a manifest; with `factsFor`, its facts against those its category's set declares. */
export async function loadManifest(file: string, limits?: Partial<Limits>, factsFor?: FactsFor): Promise<ManifestLoad> {
  const read = await readText(file, limits);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  if (!factsFor) return parseManifest(file, read.text, limits);
  const parsed = parseYaml(file, read.text, limits);
  const category = parsed.problems.length === 0 ? rawCategory(parsed.value) : undefined;
  const load = manifestFromYaml(parsed, category === undefined ? undefined : await factsFor(category));
  return load;
}
