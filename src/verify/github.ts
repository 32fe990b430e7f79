import { type Duration, formatDuration, subtractDuration } from './duration.js';
import type { FetchOutcome } from './fetch.js';
import { compareLicence } from './licence.js';
import type { CheckName, CheckOutcome } from './report.js';

export const DEFAULT_GITHUB_API = 'https://api.github.com';

export interface GithubRepository {
  owner: string;
  name: string;
  fullName: string;
}

/** The hosts whose repository URLs are looked up in the GitHub API: github.com, and a GitHub Enterprise host. */
export function githubHostsFor(apiBase: string): Set<string> {
  const hosts = new Set(['github.com', 'www.github.com']);
  const api = new URL(apiBase);
  // GitHub Enterprise serves its API at https://HOST/api/v3 for repositories at https://HOST/.
  if (/^\/api\/v3\/?$/.test(api.pathname)) hosts.add(api.hostname.toLowerCase());
  return hosts;
}

/** owner/name of a repository URL on one of `hosts` (https://github.com/owner/name[.git][/...]). */
export function githubRepository(url: string, hosts: ReadonlySet<string>): GithubRepository | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!hosts.has(parsed.hostname.toLowerCase())) return undefined;
  const match = /^\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?(?:\/.*)?$/.exec(
    parsed.pathname,
  );
  if (!match?.[1] || !match[2] || match[2] === '.' || match[2] === '..') return undefined;
  return { owner: match[1], name: match[2], fullName: `${match[1]}/${match[2]}` };
}

export function repositoryApiUrl(apiBase: string, repository: GithubRepository): string {
  return `${apiBase.replace(/\/+$/, '')}/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
}

/** What the GitHub API says about a repository, as far as the checks need it. */
export type RepositoryFacts =
  | { ok: true; archived: boolean; spdxId: string | null; pushedAt: Date | undefined }
  | { ok: false; detail: string };

export function repositoryFacts(outcome: FetchOutcome): RepositoryFacts {
  if (!outcome.ok) return { ok: false, detail: `GitHub API: ${outcome.reason}` };
  const { status, body, headers } = outcome.response;
  if (status === 404)
    return { ok: false, detail: 'no such repository (GitHub API: HTTP 404; private repositories look the same)' };
  if (status === 401) return { ok: false, detail: 'GitHub API: HTTP 401, the GITHUB_TOKEN was refused' };
  if (status === 403 || status === 429) {
    const limited = headers['x-ratelimit-remaining'] === '0' || status === 429;
    return {
      ok: false,
      detail: `GitHub API: HTTP ${status}${limited ? ', rate limit reached (set GITHUB_TOKEN for a higher limit)' : ''}`,
    };
  }
  if (status < 200 || status > 299) return { ok: false, detail: `GitHub API: HTTP ${status}` };
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return {
      ok: false,
      detail: `GitHub API: the answer is not JSON${outcome.response.truncated ? ' (cut at the body limit)' : ''}`,
    };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, detail: 'GitHub API: unexpected answer' };
  const record = data as { archived?: unknown; license?: { spdx_id?: unknown } | null; pushed_at?: unknown };
  const spdx = record.license && typeof record.license.spdx_id === 'string' ? record.license.spdx_id : null;
  const pushedAt =
    typeof record.pushed_at === 'string' && !Number.isNaN(Date.parse(record.pushed_at))
      ? new Date(record.pushed_at)
      : undefined;
  return { ok: true, archived: record.archived === true, spdxId: spdx, pushedAt };
}

export interface RepositoryJudgement {
  check: CheckName;
  outcome: CheckOutcome;
  detail: string;
  licenceIndex?: number;
}

/** The repository checks: exists, not archived, licence agrees (one per manifest licence), recent push. */
export function judgeRepository(
  facts: RepositoryFacts,
  licences: readonly string[],
  maxInactivity: Duration,
  now: Date,
): RepositoryJudgement[] {
  if (!facts.ok) return [{ check: 'repository', outcome: 'fail', detail: facts.detail }];
  const judgements: RepositoryJudgement[] = [
    { check: 'repository', outcome: 'pass', detail: 'exists' },
    facts.archived
      ? { check: 'archived', outcome: 'fail', detail: 'archived (read-only, no longer maintained)' }
      : { check: 'archived', outcome: 'pass', detail: 'not archived' },
  ];
  licences.forEach((expression, licenceIndex) => {
    const agreement = compareLicence(facts.spdxId, expression);
    judgements.push(
      agreement.agrees
        ? {
            check: 'licence',
            outcome: 'pass',
            detail: `GitHub reports ${facts.spdxId}; the manifest says ${expression}`,
            licenceIndex,
          }
        : { check: 'licence', outcome: agreement.unknown ? 'unknown' : 'fail', detail: agreement.detail, licenceIndex },
    );
  });
  judgements.push(judgeActivity(facts.pushedAt, maxInactivity, now));
  return judgements;
}

function judgeActivity(pushedAt: Date | undefined, maxInactivity: Duration, now: Date): RepositoryJudgement {
  if (!pushedAt) return { check: 'activity', outcome: 'unknown', detail: 'GitHub gives no last push date' };
  const day = pushedAt.toISOString().slice(0, 10);
  const limit = formatDuration(maxInactivity);
  return pushedAt >= subtractDuration(now, maxInactivity)
    ? { check: 'activity', outcome: 'pass', detail: `last push ${day}, within ${limit}` }
    : { check: 'activity', outcome: 'fail', detail: `last push ${day}, more than ${limit} ago` };
}
