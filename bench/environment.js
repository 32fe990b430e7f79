// The environment every timed command runs with: only what a user's shell would pass on. This
// machine sets variables that users do not, and some slow every Node start (NODE_EXTRA_CA_CERTS
// makes Node read a CA bundle: ~40 ms here), so the bench passes on only these.
const KEPT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR'];

/** `process.env` reduced to KEPT, plus `extra`. */
export function userEnvironment(extra = {}) {
  const env = {};
  for (const name of KEPT) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

/** The variables of this environment that the bench does not pass on (names only). */
export function droppedVariables() {
  return Object.keys(process.env)
    .filter((name) => !KEPT.includes(name))
    .sort();
}
