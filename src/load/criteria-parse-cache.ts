import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsedCriteriaDir } from '../paths.js';
import { defaultLimits, type Limits, withDefaults } from './limits.js';
import { type ParsedYaml, parseYaml, type YamlSource } from './source.js';

/**
 * A criteria file's YAML, parsed at build time when its text is one the build saw. Parsing is most
 * of the cost of loading a big set (vpn.yaml with general.yaml: about 40 ms of a 320 ms run, its
 * YAML parser running cold), and every run that evaluates a category pays it, for a file that does
 * not change between runs. The build (scripts/criteria-cache.mjs) parses the shipped sets and keeps
 * each value under the SHA-256 of its text, so an edited file, or any other file, misses and is
 * parsed as usual. A hit has no positions: they come from a real parse, made only if a problem
 * needs one (a check reading a fact the set it extends no longer declares, say).
 */
export function parseCriteriaYaml(file: string, text: string, limits?: Partial<Limits>): ParsedYaml {
  const value = withinBuildLimits(limits) ? builtValue(text) : undefined;
  if (value === undefined) return parseYaml(file, text, limits);
  let parsed: YamlSource | undefined;
  const positions = () => {
    parsed ??= parseYaml(file, text, limits).source;
    return parsed;
  };
  const source: YamlSource = {
    file,
    get lineCounter() {
      return positions().lineCounter;
    },
    get tree() {
      return positions().tree;
    },
  };
  return { source, value, problems: [] };
}

/**
 * The build parsed with the default limits: its value stands only for a run whose parse limits are
 * no tighter (with --max-depth 6, say, the file must be parsed and refused as any other would be).
 */
function withinBuildLimits(limits: Partial<Limits> | undefined): boolean {
  const given = withDefaults(limits);
  return PARSE_LIMITS.every((limit) => given[limit] >= defaultLimits[limit]);
}

/** The limits a parse enforces (the file's size is checked when it is read, before any parse). */
const PARSE_LIMITS = ['maxAliases', 'maxDepth', 'maxStringLength'] as const;

/** The value the build parsed from exactly this text, if it did. */
function builtValue(text: string): unknown {
  let json: string;
  try {
    json = readFileSync(join(parsedCriteriaDir, `${criteriaTextKey(text)}.json`), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(json) as unknown;
}

/** The name the build gives a criteria file's parsed value. */
export function criteriaTextKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
