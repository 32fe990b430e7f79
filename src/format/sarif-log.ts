import { pathToFileURL } from 'node:url';
import type { Problem } from '../load/problem.js';
import { jsonText, markdownText, plainText } from './escape.js';
import type { Artifacts } from './format.js';

/**
 * The parts of a SARIF 2.1.0 log that `evaluate` and `verify` share. What they hold is what
 * Microsoft's validator (`Sarif.Multitool validate --rule-kind "Sarif;Gh;Ghas"`) asks of a log GitHub
 * code scanning shows: every rule with a full description and markdown help, every location with the
 * line it points at and the lines around it, and the commit the files were read at.
 */
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/pgcheck/pgcheck';
/** The uriBaseId of the git work tree's root, when the files are in one. */
const SRCROOT = 'SRCROOT';
/** Lines shown above and below the one a result points at. */
const CONTEXT_LINES = 2;

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  /** A PascalCase friendly name. */
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  level: SarifLevel;
  message: { text: string };
  locations: ReturnType<typeof sarifLocation>[];
  [more: string]: unknown;
}

/** The whole log: one run of pgcheck, its rules and results (each given its rule's index). */
export function sarifLog(
  version: string,
  rules: readonly SarifRule[],
  results: readonly SarifResult[],
  executionSuccessful: boolean,
  artifacts?: Artifacts,
): string {
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const repository = artifacts?.repository;
  const run = {
    tool: { driver: { name: 'pgcheck', version, informationUri: INFORMATION_URI, rules } },
    invocations: [{ executionSuccessful }],
    ...(repository
      ? {
          originalUriBaseIds: { [SRCROOT]: { uri: repository.rootUri } },
          versionControlProvenance: [
            {
              repositoryUri: repository.repositoryUri,
              ...(repository.revisionId ? { revisionId: repository.revisionId } : {}),
              ...(repository.branch ? { branch: repository.branch } : {}),
              mappedTo: { uriBaseId: SRCROOT },
            },
          ],
        }
      : {}),
    columnKind: 'unicodeCodePoints',
    results: results.map((result) => ({ ...result, ruleIndex: index.get(result.ruleId) ?? -1 })),
  };
  return jsonText({ $schema: SCHEMA, version: '2.1.0', runs: [run] });
}

/**
 * Where a result is: the file (from the work tree's root when it is in one), the line and column,
 * and, when the file could be read, the text from there to the end of the line (the region SARIF
 * means by a start without an end) and the lines around it.
 */
export function sarifLocation(file: string, line: number, column: number, artifacts?: Artifacts) {
  const inRepository = artifacts?.repository?.paths.get(file);
  const artifactLocation =
    inRepository === undefined ? { uri: fileUri(file) } : { uri: relativeUri(inRepository), uriBaseId: SRCROOT };
  const lines = artifacts?.lines.get(file);
  const text = lines?.[line - 1];
  if (!lines || text === undefined)
    return { physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column } } };
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const region = { startLine: line, startColumn: column, snippet: { text: [...text].slice(column - 1).join('') } };
  // A context must be larger than the region itself: a whole one-line file has none.
  if (first === last && column <= 1) return { physicalLocation: { artifactLocation, region } };
  return {
    physicalLocation: {
      artifactLocation,
      region,
      contextRegion: { startLine: first, endLine: last, snippet: { text: lines.slice(first - 1, last).join('\n') } },
    },
  };
}

/** A rule id as a PascalCase friendly name: `free-plan` → `FreePlan`. */
export function ruleName(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name : `Rule${name}`;
}

/** An http(s) URL as a valid URI reference (quotes, spaces and angle brackets percent-encoded); undefined otherwise. */
export function sarifUri(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Help as SARIF carries it: plain text, and markdown whose untrusted parts are escaped. */
export function sarifHelp(paragraphs: readonly { text: string; link?: string }[]): { text: string; markdown: string } {
  const text = paragraphs
    .map((paragraph) => plainText(paragraph.link ? `${paragraph.text} ${paragraph.link}` : paragraph.text))
    .join('\n\n');
  const markdown = paragraphs
    .map((paragraph) => {
      const link = sarifUri(paragraph.link);
      return link
        ? `[${markdownText(paragraph.text)}](${link.replace(/[()]/g, (char) => encodeURIComponent(char))})`
        : markdownText(paragraph.text);
    })
    .join('\n\n');
  return { text, markdown };
}

/** The rule for input files that could not be read, parsed or validated (both commands report them). */
export const invalidInputRule: SarifRule = {
  id: 'pgcheck/invalid-input',
  name: 'InvalidInput',
  shortDescription: { text: 'A file that could not be read, parsed or validated' },
  fullDescription: {
    text: 'An input file that pgcheck could not read, parse as YAML or validate against its schema; it was not checked, and the run exits with code 2.',
  },
  help: sarifHelp([
    {
      text: 'The message says what is wrong and where: fix the file and run pgcheck again. The other files of the run were still checked.',
    },
    { text: 'Manifest reference', link: `${INFORMATION_URI}/blob/main/docs/manifest.md` },
  ]),
  helpUri: `${INFORMATION_URI}/blob/main/docs/manifest.md`,
  defaultConfiguration: { level: 'error' },
};

export function problemResult(ruleId: string, level: SarifLevel, problem: Problem, artifacts?: Artifacts): SarifResult {
  return {
    ruleId,
    level,
    message: { text: plainText(problem.message) },
    locations: [sarifLocation(problem.file, problem.line, problem.column, artifacts)],
  };
}

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as file://. */
function fileUri(file: string): string {
  if (file.startsWith('/')) return pathToFileURL(file).href;
  return relativeUri(file);
}

function relativeUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
