import { evaluateCriterion, runCheck } from '../../src/engine/evaluate.js';
import { describeFinding } from '../../src/engine/findings.js';
import { parseCriteria } from '../../src/load/criteria.js';
import { type CheckProblem, compileCheck } from '../../src/operators/compile.js';
import { manifestSchema } from '../../src/schema/manifest.js';

/** Compiles a check against the manifest schema, failing the test with its problems if it is invalid. */
export function compile(node: unknown) {
  const problems: CheckProblem[] = [];
  const check = compileCheck(node, ['check'], { schema: manifestSchema }, problems);
  if (!check) throw new Error(`check did not compile: ${problems.map((p) => p.message).join('; ')}`);
  return check;
}

export function compileProblems(node: unknown): string[] {
  const problems: CheckProblem[] = [];
  compileCheck(node, ['check'], { schema: manifestSchema }, problems);
  return problems.map((problem) => problem.message);
}

/** Runs a check on a manifest (as of a day, for checks on dates) and returns its status and reason. */
export function check(
  node: unknown,
  manifest: unknown,
  asOf?: string,
): { status: string; reason: string; path: string } {
  const outcome = runCheck(compile(node), manifest, [], asOf);
  return { status: outcome.status, reason: describeFinding(outcome.finding), path: outcome.path.join('.') };
}

export { evaluateCriterion, parseCriteria };
