import type { CandidateReport, CriteriaInfo, ResultReport } from '../report/report.js';
import { plainText } from './escape.js';
import type { Artifacts, Formatter } from './format.js';
import { resultDetail } from './notes.js';
import {
  INFORMATION_URI,
  invalidInputRule,
  problemResult,
  ruleName,
  type SarifLevel,
  type SarifResult,
  type SarifRule,
  sarifHelp,
  sarifLocation,
  sarifLog,
  sarifUri,
} from './sarif-log.js';

/** The rule for report warnings (an expired or unused waiver, say): not a criterion. */
const warningRule: SarifRule = {
  id: 'pgcheck/warning',
  name: 'Warning',
  shortDescription: { text: 'Something worth a look that is not an error' },
  fullDescription: {
    text: 'Something in a manifest worth a look that does not stop it being evaluated, such as a waiver that has expired or covers a result that passes.',
  },
  help: sarifHelp([
    { text: 'The message says what to look at. A warning does not change any verdict or the exit code.' },
    { text: 'Evidence, staleness and waivers', link: `${INFORMATION_URI}/blob/main/docs/evidence.md` },
  ]),
  helpUri: `${INFORMATION_URI}/blob/main/docs/evidence.md`,
  defaultConfiguration: { level: 'warning' },
};

/**
 * SARIF 2.1.0: a rule per criterion (id `<set>/<criterion>`), a result per failing or unknown
 * criterion (waived ones carry a suppression; stale passes are notes), and invalid files and
 * warnings as results of two pgcheck rules, so code-scanning views show them in place.
 */
export const sarif: Formatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDEs)',
  quotesFiles: true,
  render: (report, options) => {
    const artifacts = options.artifacts;
    const rules = [...report.criteria.flatMap(criterionRules), invalidInputRule, warningRule];
    const results = [
      ...report.candidates.flatMap((candidate) =>
        candidate.results.flatMap((result) => resultOf(candidate, result, artifacts)),
      ),
      ...report.errors.map((problem) => problemResult(invalidInputRule.id, 'error', problem, artifacts)),
      ...report.warnings.map((problem) => problemResult(warningRule.id, 'warning', problem, artifacts)),
    ];
    return sarifLog(report.version, rules, results, report.errors.length === 0, artifacts);
  },
};

function criterionRules(set: CriteriaInfo): SarifRule[] {
  return set.criteria.map((criterion) => {
    const helpUri = sarifUri(criterion.help) ?? sarifUri(set.source);
    const about = `${criterion.level} criterion of ${set.title}, revision ${set.revision}`;
    return {
      id: `${set.id}/${criterion.id}`,
      name: ruleName(criterion.id),
      shortDescription: { text: plainText(criterion.text) },
      fullDescription: { text: plainText(`${criterion.text} (${about})`) },
      help: sarifHelp([
        { text: criterion.text },
        {
          text: `A ${about}. ${criterion.level === 'minimum' ? 'A candidate that fails it does not meet the minimum.' : 'It counts towards the best case and never changes the verdict.'} The result names the manifest field it is about and why it did not pass.`,
        },
        ...(criterion.help ? [{ text: 'How this criterion is judged', link: criterion.help }] : []),
        { text: `Criteria source: ${set.title}`, link: set.source },
      ]),
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: criterion.level === 'minimum' ? 'error' : 'warning' },
      properties: { level: criterion.level, criteria: set.id },
    };
  });
}

function resultOf(candidate: CandidateReport, result: ResultReport, artifacts: Artifacts | undefined): SarifResult[] {
  const level = levelOf(result);
  if (!level) return [];
  const waived = result.waiver
    ? { suppressions: [{ kind: 'external', status: 'accepted', justification: plainText(resultDetail(result)) }] }
    : {};
  return [
    {
      ruleId: `${candidate.criteria}/${result.criterion}`,
      level,
      ...(level === 'note' ? { kind: 'informational' } : {}),
      message: {
        text: plainText(`${candidate.name}: ${result.criterion} is ${result.status}: ${resultDetail(result)}`),
      },
      locations: [sarifLocation(candidate.file, result.line, result.column, artifacts)],
      ...waived,
      properties: {
        candidate: plainText(candidate.name),
        status: result.status,
        path: result.path,
        ...(result.stale ? { stale: true } : {}),
      },
    },
  ];
}

/** fail at the minimum is an error; a best-case fail and an unknown are warnings; stale passes are notes. */
function levelOf(result: ResultReport): SarifLevel | undefined {
  if (result.status === 'fail' || (result.status === 'waived' && result.level === 'minimum'))
    return result.level === 'minimum' ? 'error' : 'warning';
  if (result.status === 'unknown' || result.status === 'waived') return 'warning';
  return result.stale ? 'note' : undefined;
}
