import { plainText } from '../../format/escape.js';
import type { Artifacts } from '../../format/format.js';
import {
  INFORMATION_URI,
  invalidInputRule,
  problemResult,
  ruleName,
  type SarifResult,
  type SarifRule,
  sarifHelp,
  sarifLocation,
  sarifLog,
} from '../../format/sarif-log.js';
import type { CheckName, CheckResult, VerifiedCandidate } from '../report.js';
import type { VerifyFormatter } from './format.js';

const HELP_URI = `${INFORMATION_URI}/blob/main/docs/verify.md`;

/** What each check asks of the evidence, worded once for its rule. */
const CHECKS: Record<CheckName, { short: string; full: string; fix: string }> = {
  reachable: {
    short: 'A cited URL answers with a success status',
    full: 'A source URL, web interface URL, audit report or repository URL the manifest cites answers with a 2xx status, following at most 5 redirects.',
    fix: 'Update the URL to where the page lives now (an archived copy will do), or remove the claim it backs so it evaluates as unknown.',
  },
  quote: {
    short: "A source's quote is on its page",
    full: "The text of the page a source cites contains the source's quote (compared after normalizing whitespace, quotes and dashes; case matters).",
    fix: 'Quote the page as it reads today, and check that it still says what the manifest claims.',
  },
  repository: {
    short: 'A GitHub repository the manifest names exists',
    full: 'The GitHub API knows a repository named in source_code.repositories or a component (a private repository looks like a missing one).',
    fix: 'Correct the repository URL, or remove it if the source code is no longer published.',
  },
  archived: {
    short: 'A GitHub repository the manifest names is not archived',
    full: 'A repository named in the manifest is not archived on GitHub.',
    fix: 'Point the manifest at the repository where development continues, or record that the project is no longer maintained.',
  },
  licence: {
    short: 'GitHub reports the licence the manifest gives',
    full: "GitHub's licence for a repository (spdx_id) is one the manifest's SPDX expression names (GNU licences compared without -only / -or-later).",
    fix: 'Correct the licence in the manifest to the one the repository carries, citing its licence file.',
  },
  activity: {
    short: 'A GitHub repository was pushed to recently',
    full: 'The last push to a repository named in the manifest is within --max-inactivity (default 12 months).',
    fix: 'Check whether the project is still developed; update the manifest and the review date.',
  },
};

/**
 * SARIF 2.1.0 for `verify`: a rule per kind of check (id `verify/<check>`), a result per check that
 * fails (error) or cannot be judged (warning), at the claim's line in the manifest; invalid files as
 * results of `pgcheck/invalid-input`, as `evaluate` reports them.
 */
export const verifySarif: VerifyFormatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDEs)',
  quotesFiles: true,
  render: (report, options) => {
    const artifacts = options.artifacts;
    const rules = [...(Object.keys(CHECKS) as CheckName[]).map(checkRule), invalidInputRule];
    const results = [
      ...report.candidates.flatMap((candidate) =>
        candidate.checks.flatMap((check) => checkResult(candidate, check, artifacts)),
      ),
      ...report.errors.map((problem) => problemResult(invalidInputRule.id, 'error', problem, artifacts)),
    ];
    return sarifLog(report.version, rules, results, report.errors.length === 0, artifacts);
  },
};

function checkRule(check: CheckName): SarifRule {
  const { short, full, fix } = CHECKS[check];
  return {
    id: `verify/${check}`,
    name: ruleName(`verify-${check}`),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: sarifHelp([{ text: full }, { text: fix }, { text: 'What pgcheck verify checks', link: HELP_URI }]),
    helpUri: HELP_URI,
    defaultConfiguration: { level: 'error' },
  };
}

function checkResult(
  candidate: VerifiedCandidate,
  check: CheckResult,
  artifacts: Artifacts | undefined,
): SarifResult[] {
  if (check.outcome === 'pass') return [];
  return [
    {
      ruleId: `verify/${check.check}`,
      level: check.outcome === 'fail' ? 'error' : 'warning',
      message: {
        text: plainText(`${candidate.name}: ${check.check} ${check.target} is ${check.outcome}: ${check.detail}`),
      },
      locations: [sarifLocation(candidate.file, check.line, check.column, artifacts)],
      properties: { candidate: plainText(candidate.name), target: plainText(check.target), outcome: check.outcome },
    },
  ];
}
