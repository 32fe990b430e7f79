import { limitsFromOptions } from './limit-options.js';
import type { FormatOptions } from '../format/format.js';
import { readArtifacts } from '../load/artifacts.js';
import { packageVersion } from '../paths.js';
import { createHttpClient } from '../verify/client.js';
import type { Duration } from '../verify/duration.js';
import { verifyFormatters } from '../verify/format/registry.js';
import { verifyExitCode } from '../verify/report.js';
import { verifyFiles } from '../verify/verify-files.js';
import { useColor } from './color.js';
import { type Io, printProblems } from './io.js';

export interface VerifyCommandOptions {
  format: string;
  timeout: number;
  concurrency: number;
  perHost: number;
  maxInactivity: Duration;
  githubApi: string;
  allowPrivateNetwork?: boolean;
  criteria?: string;
  /** `--criteria-dir` (repeatable): where categories are looked up after the installed sets and the paths. */
  criteriaDir?: string[];
  color?: boolean;
}

/** A whole request, body included, may take this many times --timeout. */
const DEADLINE_FACTOR = 3;

export async function verifyCommand(paths: string[], options: VerifyCommandOptions, io: Io): Promise<number> {
  const formatter = verifyFormatters.get(options.format);
  if (!formatter) throw new Error(`unregistered format ${options.format}`);
  const timeoutMs = Math.round(options.timeout * 1000);
  const client = await createHttpClient({
    timeoutMs,
    deadlineMs: timeoutMs * DEADLINE_FACTOR,
    connectionsPerOrigin: options.perHost,
    allowPrivateNetwork: options.allowPrivateNetwork === true,
    userAgent: `pgcheck/${packageVersion()} (+https://github.com/pgcheck/pgcheck)`,
  });
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  try {
    const report = await verifyFiles(paths, {
      client,
      concurrency: options.concurrency,
      perHost: options.perHost,
      githubApi: options.githubApi,
      ...(io.env.GITHUB_TOKEN ? { githubToken: io.env.GITHUB_TOKEN } : {}),
      maxInactivity: options.maxInactivity,
      stallMs: timeoutMs,
      limits: limitsFromOptions(options),
      ...(options.criteria === undefined ? {} : { criteria: options.criteria }),
      ...(options.criteriaDir?.length ? { criteriaDirs: options.criteriaDir } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.clear();
    printProblems(io, report.errors);
    if (report.unreachable) {
      io.stderr(`error: no network: ${report.unreachable}; nothing was verified\n`);
      return verifyExitCode(report);
    }
    const color = useColor(options.color, io.env, io.stdoutIsTTY);
    const formatOptions: FormatOptions = io.stdoutIsTTY && io.columns ? { color, width: io.columns } : { color };
    if (formatter.quotesFiles)
      formatOptions.artifacts = readArtifacts(
        [...report.candidates.map((candidate) => candidate.file), ...report.errors.map((problem) => problem.file)],
        limitsFromOptions(options),
      );
    io.stdout(formatter.render(report, formatOptions));
    return verifyExitCode(report);
  } finally {
    progress?.clear();
    await client.close();
  }
}

function progressLine(io: Io): { update: (done: number, started: number) => void; clear: () => void } {
  let shown = false;
  return {
    update: (done, started) => {
      shown = true;
      io.stderr(`\r\u001b[Kverifying: ${done}/${started} requests done`);
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}
