import { readFileSync } from 'node:fs';
import type fc from 'fast-check';

/**
 * How many cases the property-based tests run. `npm test` runs a short pass; `npm run fuzz` sets
 * PGCHECK_FUZZ_RUNS (see vitest.fuzz.config.ts) for 100,000+ cases in all, split over the fuzz
 * files by `share`. A failure prints fast-check's seed and path: rerun exactly that case with
 * PGCHECK_FUZZ_SEED=<seed> PGCHECK_FUZZ_PATH=<path>.
 */
const runs = Number(process.env.PGCHECK_FUZZ_RUNS ?? 150);
const seed = process.env.PGCHECK_FUZZ_SEED === undefined ? undefined : Number(process.env.PGCHECK_FUZZ_SEED);
const path = process.env.PGCHECK_FUZZ_PATH;

/** fast-check settings for a property that runs `share` of all cases; each case is bounded to 5 s. */
export function fuzzSettings(share: number): fc.Parameters<unknown> {
  return {
    numRuns: Math.max(1, Math.round(runs * share)),
    timeout: 5_000,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
  };
}

/** The vitest bound of a whole property: generous, so only a hang or runaway trips it. */
export const propertyTimeout = Math.max(60_000, runs * 20);

export const shipped = {
  manifest: readFileSync(new URL('../../candidates/photo-management/ente.yaml', import.meta.url), 'utf8'),
  criteria: readFileSync(new URL('../../criteria/photo-management.yaml', import.meta.url), 'utf8'),
};
