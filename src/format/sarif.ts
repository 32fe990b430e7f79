import { pathToFileURL } from 'node:url';
import type { Problem } from '../load/problem.js';
import type { CandidateReport, CriteriaInfo, Report, ResultReport } from '../report/report.js';
import { jsonText, plainText } from './escape.js';
import type { Formatter } from './format.js';
import { resultDetail } from './notes.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/pgcheck/pgcheck';
/** Rules for what is not a criterion: a file that could not be evaluated, and a report warning. */
const INVALID_INPUT = 'pgcheck/invalid-input';
const WARNING = 'pgcheck/warning';

type Level = 'error' | 'warning' | 'note';

/**
 * SARIF 2.1.0: a rule per criterion (id `<set>/<criterion>`), a result per failing or unknown
 * criterion (waived ones carry a suppression; stale passes are notes), and invalid files and
 * warnings as results of two pgcheck rules, so code-scanning views show them in place.
 */
export const sarif: Formatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDEs)',
  render: (report) => {
    const rules = [...report.criteria.flatMap(criterionRules), ...toolRules()];
    const index = new Map(rules.map((rule, position) => [rule.id, position]));
    const results = [
      ...report.candidates.flatMap((candidate) => candidate.results.flatMap((result) => resultOf(candidate, result))),
      ...report.errors.map((problem) => problemResult(INVALID_INPUT, 'error', problem)),
      ...report.warnings.map((problem) => problemResult(WARNING, 'warning', problem)),
    ].map((result) => ({ ...result, ruleIndex: index.get(result.ruleId) ?? -1 }));
    const log = {
      $schema: SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'pgcheck', version: report.version, informationUri: INFORMATION_URI, rules } },
          invocations: [{ executionSuccessful: report.errors.length === 0 }],
          columnKind: 'unicodeCodePoints',
          results,
        },
      ],
    };
    return jsonText(log);
  },
};

function criterionRules(set: CriteriaInfo) {
  return set.criteria.map((criterion) => ({
    id: `${set.id}/${criterion.id}`,
    name: criterion.id,
    shortDescription: { text: plainText(criterion.text) },
    fullDescription: { text: plainText(`${criterion.text} (${criterion.level} criterion of ${set.title})`) },
    helpUri: criterion.help ?? set.source,
    help: { text: plainText(`${criterion.text} See ${criterion.help ?? set.source}`) },
    defaultConfiguration: { level: criterion.level === 'minimum' ? 'error' : 'warning' },
    properties: { level: criterion.level, criteria: set.id },
  }));
}

function toolRules() {
  return [
    { id: INVALID_INPUT, name: 'invalid-input', shortDescription: { text: 'A file that could not be read, parsed or validated' }, helpUri: INFORMATION_URI, defaultConfiguration: { level: 'error' } },
    { id: WARNING, name: 'warning', shortDescription: { text: 'Something worth a look that is not an error' }, helpUri: INFORMATION_URI, defaultConfiguration: { level: 'warning' } },
  ];
}

function resultOf(candidate: CandidateReport, result: ResultReport) {
  const level = levelOf(result);
  if (!level) return [];
  const waived = result.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: plainText(resultDetail(result)) }] } : {};
  return [
    {
      ruleId: `${candidate.criteria}/${result.criterion}`,
      level,
      ...(level === 'note' ? { kind: 'informational' } : {}),
      message: { text: plainText(`${candidate.name}: ${result.criterion} is ${result.status}: ${resultDetail(result)}`) },
      locations: [location(candidate.file, result.line, result.column)],
      ...waived,
      properties: { candidate: plainText(candidate.name), status: result.status, path: result.path, ...(result.stale ? { stale: true } : {}) },
    },
  ];
}

/** fail at the minimum is an error; a best-case fail and an unknown are warnings; stale passes are notes. */
function levelOf(result: ResultReport): Level | undefined {
  if (result.status === 'fail' || (result.status === 'waived' && result.level === 'minimum')) return result.level === 'minimum' ? 'error' : 'warning';
  if (result.status === 'unknown' || result.status === 'waived') return 'warning';
  return result.stale ? 'note' : undefined;
}

function problemResult(ruleId: string, level: Level, problem: Problem) {
  return { ruleId, level, message: { text: plainText(problem.message) }, locations: [location(problem.file, problem.line, problem.column)] };
}

function location(file: string, line: number, column: number) {
  return { physicalLocation: { artifactLocation: { uri: fileUri(file) }, region: { startLine: line, startColumn: column } } };
}

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as file://. */
function fileUri(file: string): string {
  if (file.startsWith('/')) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
