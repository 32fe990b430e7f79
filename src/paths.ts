import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root folder: dist/ sits one level below it. */
export const packageRoot = fileURLToPath(new URL('../', import.meta.url));
export const installedCriteriaDir = fileURLToPath(new URL('../criteria/', import.meta.url));
/** Criteria files parsed at build time, by the SHA-256 of their text (scripts/criteria-cache.mjs); the same folder from src/ (tests), dist/ and the bundle. */
export const parsedCriteriaDir = fileURLToPath(new URL('../dist/criteria-cache/', import.meta.url));

let cachedVersion: string | undefined;

export function packageVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}
