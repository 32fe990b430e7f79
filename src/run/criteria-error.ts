import type { Problem } from '../load/problem.js';

/** Thrown for a `--criteria` that cannot be used at all: nothing is evaluated. */
export class CriteriaError extends Error {
  /** Problems in the criteria file, or none when the reference itself names no criteria set. */
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
