import type { Io } from './io.js';

const SHOW_AFTER_MS = 1000;
const SHOW_ABOVE_FILES = 50;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  tick(done: number, total: number): void;
  /** Clears the indicator, if one was drawn. */
  finish(): void;
}

/**
 * A one-line "evaluated n/m files" on stderr, only when stderr is a terminal and CI is not set, and
 * only once the run is big (more than 50 files) or slow (over a second). Never in pipes or logs.
 */
export function progressOn(io: Io, now: () => number = Date.now): Progress | undefined {
  if (!io.stderrIsTTY || (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false')) return undefined;
  const start = now();
  let drawnAt: number | undefined;
  return {
    tick(done, total) {
      const time = now();
      if (total <= SHOW_ABOVE_FILES && time - start < SHOW_AFTER_MS) return;
      if (drawnAt !== undefined && time - drawnAt < REDRAW_EVERY_MS && done < total) return;
      drawnAt = time;
      io.stderr(`\rpgcheck: evaluated ${done}/${total} files`);
    },
    finish() {
      if (drawnAt !== undefined) io.stderr('\r\u001b[K');
    },
  };
}
