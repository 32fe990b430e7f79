import { CriteriaCache } from '../load/criteria-sets.js';
import { loadManifests } from '../load/load-manifests.js';
import type { Limits } from '../load/limits.js';
import type { Problem } from '../load/problem.js';
import { locate, type YamlSource } from '../load/source.js';
import type { Path } from '../path.js';
import { packageVersion } from '../paths.js';
import { DEFAULT_MAX_INACTIVITY, type Duration } from './duration.js';
import { type FetchOptions, type FetchOutcome, Fetcher, requestUrl } from './fetch.js';
import { DEFAULT_GITHUB_API, githubHostsFor, judgeRepository, repositoryApiUrl, repositoryFacts } from './github.js';
import type { HttpClient } from './http.js';
import { RequestLimiter } from './limiter.js';
import { watchNetwork } from './network-watch.js';
import { pageContainsQuote } from './page-text.js';
import { type PlannedCheck, planChecks } from './plan.js';
import {
  type CheckResult,
  summarizeVerify,
  VERIFY_REPORT_FORMAT,
  type VerifiedCandidate,
  type VerifyReport,
} from './report.js';

export interface VerifyOptions {
  /** The way to the network; `createHttpClient` gives the real one. */
  client: HttpClient;
  /** Bounds on untrusted input; any not given keeps its default. */
  limits?: Partial<Limits>;
  /** Id or path of the criteria set whose fact declarations every manifest's facts follow (default: each one's category). */
  criteria?: string;
  /** `--criteria-dir`: where categories are looked up after the installed sets and those among `paths`. */
  criteriaDirs?: readonly string[];
  /** Requests in flight at once, over all hosts (default 16). */
  concurrency?: number;
  /** Requests in flight at once to one host (default 4). */
  perHost?: number;
  /** GitHub API base URL (default https://api.github.com). */
  githubApi?: string;
  /** Sent as a bearer token to the GitHub API origin only. */
  githubToken?: string;
  /** Longest time since a repository's last push (default 12 months). */
  maxInactivity?: Duration;
  /** The moment inactivity is measured from (default now). */
  now?: Date;
  /**
   * When no host has answered this long (ms) after the first request, the network is taken to be
   * down: the requests still waiting fail at once and the report says so (`unreachable`).
   */
  stallMs?: number;
  /** Called as requests finish: done so far, and the number started so far. */
  onProgress?: (done: number, started: number) => void;
}

interface LoadedCandidate {
  file: string;
  name: string;
  source: YamlSource;
  checks: PlannedCheck[];
}

/** Checks the evidence in every manifest under `paths` online; one bad file never stops the others. */
export async function verifyFiles(paths: readonly string[], options: VerifyOptions): Promise<VerifyReport> {
  const githubApi = options.githubApi ?? DEFAULT_GITHUB_API;
  const errors: Problem[] = [];
  const loaded: LoadedCandidate[] = [];
  // A manifest's facts are held to its criteria set's declarations, whose long-form facts carry sources to check.
  const sets = new CriteriaCache(undefined, options.limits, {
    searchPaths: [...paths],
    criteriaDirs: [...(options.criteriaDirs ?? [])],
  });
  const factsFor = async (category: string) => {
    const resolution = await sets.resolve(options.criteria ?? category);
    return resolution.ok ? resolution.set.facts : undefined;
  };
  for await (const { file, manifest, source } of loadManifests(
    paths,
    { errors },
    { ...(options.limits ? { limits: options.limits } : {}), factsFor },
  )) {
    loaded.push({
      file,
      name: manifest.name,
      source,
      checks: planChecks(manifest, githubHostsFor(githubApi), await factsFor(manifest.category)),
    });
  }

  const network = watchNetwork(options.client, options.stallMs);
  const context = judgeContext(loaded, { ...options, client: network.client }, githubApi);
  const candidates: VerifiedCandidate[] = await Promise.all(
    loaded.map(async (candidate) => ({
      file: candidate.file,
      name: candidate.name,
      checks: (
        await Promise.all(
          candidate.checks.map((check) => judge(check, context, (path) => locate(candidate.source, path))),
        )
      ).flat(),
    })),
  );
  network.stop();
  const unreachable = network.unreachable();
  return {
    tool: 'pgcheck',
    version: packageVersion(),
    command: 'verify',
    report_format: VERIFY_REPORT_FORMAT,
    candidates,
    errors,
    ...(unreachable ? { unreachable } : {}),
    summary: summarizeVerify(candidates, errors),
  };
}

/** One Fetcher for the whole run, so each URL is requested once whichever manifest cites it. */
function judgeContext(loaded: readonly LoadedCandidate[], options: VerifyOptions, githubApi: string): JudgeContext {
  const needsText = new Set(
    loaded.flatMap((candidate) =>
      candidate.checks.flatMap((check) => (check.kind === 'quote' ? [requestUrl(check.url)] : [])),
    ),
  );
  let done = 0;
  const limiter = new RequestLimiter(options.concurrency ?? 16, options.perHost ?? 4);
  const fetcher = new Fetcher(
    options.client,
    limiter,
    (url) => needsText.has(url),
    () => {
      done++;
      options.onProgress?.(done, fetcher.requests);
    },
  );
  const token = options.githubToken;
  const apiOptions: FetchOptions = {
    readBody: true,
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    ...(token
      ? { privileged: { origin: new URL(githubApi).origin, headers: { authorization: `Bearer ${token}` } } }
      : {}),
  };
  return {
    page: (url) => fetcher.fetch(url, { readBody: false }),
    api: (url) => fetcher.fetch(url, apiOptions),
    githubApi,
    maxInactivity: options.maxInactivity ?? DEFAULT_MAX_INACTIVITY,
    now: options.now ?? new Date(),
  };
}

interface JudgeContext {
  page(url: string): Promise<FetchOutcome>;
  api(url: string): Promise<FetchOutcome>;
  githubApi: string;
  maxInactivity: Duration;
  now: Date;
}

type Locate = (path: Path) => { line: number; column: number };

async function judge(check: PlannedCheck, context: JudgeContext, at: Locate): Promise<CheckResult[]> {
  if (check.kind === 'reachable') {
    const outcome = await context.page(check.url);
    return [{ check: 'reachable', target: check.url, ...reachability(check.url, outcome), ...at(check.path) }];
  }
  if (check.kind === 'quote') {
    const outcome = await context.page(check.url);
    return [{ check: 'quote', target: check.url, ...quoteOutcome(outcome, check.quote), ...at(check.path) }];
  }
  const facts = repositoryFacts(await context.api(repositoryApiUrl(context.githubApi, check.repository)));
  const licences = check.licences.map((licence) => licence.expression);
  return judgeRepository(facts, licences, context.maxInactivity, context.now).map((judgement) => {
    const licencePath = judgement.licenceIndex === undefined ? undefined : check.licences[judgement.licenceIndex]?.path;
    return {
      check: judgement.check,
      target: check.repository.fullName,
      outcome: judgement.outcome,
      detail: judgement.detail,
      ...at(licencePath ?? check.path),
    };
  });
}

function reachability(start: string, outcome: FetchOutcome): Pick<CheckResult, 'outcome' | 'detail'> {
  const via = outcome.url === new URL(start).href ? '' : ` (at ${outcome.url})`;
  if (!outcome.ok) return { outcome: 'fail', detail: `${outcome.reason}${via}` };
  const status = outcome.response.status;
  return status >= 200 && status <= 299
    ? { outcome: 'pass', detail: `HTTP ${status}${via}` }
    : { outcome: 'fail', detail: `HTTP ${status}${via}` };
}

function quoteOutcome(outcome: FetchOutcome, quote: string): Pick<CheckResult, 'outcome' | 'detail'> {
  if (!outcome.ok || outcome.response.status < 200 || outcome.response.status > 299)
    return { outcome: 'unknown', detail: 'the page could not be fetched' };
  const { body, headers, truncated } = outcome.response;
  if (pageContainsQuote(body, headers['content-type'], quote))
    return { outcome: 'pass', detail: 'quote found on the page' };
  return {
    outcome: 'fail',
    detail: `quote not found on the page${truncated ? ' (only its first 2 MiB were read)' : ''}`,
  };
}
