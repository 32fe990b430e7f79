import type { Io } from './io.js';

const ISSUES_URL = 'https://github.com/pgcheck/pgcheck/issues';

/** The one line a bug in pgcheck prints: what broke and how to report it, never a stack trace. */
export function internalErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? '';
  return `pgcheck: internal error: ${first}. This is a bug in pgcheck; please report it at ${ISSUES_URL} with the command you ran (run with PGCHECK_DEBUG=1 for details).\n`;
}

/** Prints the internal-error line (and with PGCHECK_DEBUG the stack) for a bug. */
export function reportCrash(io: Io, error: unknown): void {
  io.stderr(internalErrorLine(error));
  if (io.env.PGCHECK_DEBUG) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
}

/**
 * Makes an error thrown in an async callback, or a promise rejected with nobody listening, end the
 * run like any other bug: one line and exit code 3. Only the first is reported; later ones are echoes.
 */
export function installCrashHandlers(io: Io, setExitCode: (code: number) => void): { crashed(): boolean } {
  let crashed = false;
  const onCrash = (error: unknown) => {
    if (!crashed) reportCrash(io, error);
    crashed = true;
    setExitCode(3);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return { crashed: () => crashed };
}
