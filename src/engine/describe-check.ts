import type { CompiledCheck } from '../operators/operator.js';

/**
 * A compiled check in plain words, built bottom-up from each operator's `describe`. A leaf whose
 * `absent` policy is not the default says what a missing value counts as, since that changes the result.
 */
export function describeCheck(check: CompiledCheck): string {
  const text = check.operator.describe(check.options, check.children.map(describeCheck));
  const { path, absent } = (check.options ?? {}) as { path?: unknown; absent?: unknown };
  if (typeof path === 'string' && (absent === 'pass' || absent === 'fail'))
    return `${text} (${absent === 'pass' ? 'passes' : 'fails'} when ${path} is not given)`;
  return text;
}
