import { z } from 'zod';
import { isOsiApproved, parseLicense, type SpdxNode } from '../schema/spdx.js';
import { alternatives, pathText } from '../engine/words.js';
import { absentPolicy, defineOperator, leaf, manifestPath, statusOf } from './operator.js';
import type { Path } from '../path.js';

type OsiApprovedFinding = { code: 'osi-approved'; path: Path; ok: boolean; expression: string; rejected: string[] };

export const osiApproved = defineOperator({
  name: 'osi-approved',
  summary:
    'the SPDX expression at `path` is satisfiable with OSI-approved licences only (one choice of an OR, both sides of an AND)',
  options: z.strictObject({ path: manifestPath, absent: absentPolicy }),
  describe: (options) => `${options.path} is an OSI-approved licence expression`,
  evaluate: (options, ctx) =>
    leaf(ctx, options, (actual, path) => {
      const parsed = typeof actual === 'string' ? parseLicense(actual) : { error: 'not a string' };
      if ('error' in parsed) {
        return {
          status: 'unknown',
          finding: { code: 'wrong-type', path, actual, expected: 'an SPDX licence expression' },
        };
      }
      const rejected = rejectedLicenses(parsed.node);
      const ok = rejected.length === 0;
      return {
        status: statusOf(ok),
        finding: { code: 'osi-approved', path, ok, expression: String(actual), rejected },
      };
    }),
  explain: (finding: OsiApprovedFinding) => {
    const p = pathText(finding.path);
    if (finding.ok) return { fact: `${p} ${finding.expression} is OSI-approved` };
    const verb = finding.rejected.length === 1 ? 'is' : 'are';
    return {
      fact: `${p} ${finding.expression}: ${alternatives(finding.rejected, 'and')} ${verb} not OSI-approved`,
      need: 'an OSI-approved licence',
    };
  },
});

/** The licences that keep the expression from being OSI-approved; empty when it is. */
export function rejectedLicenses(node: SpdxNode): string[] {
  if ('license' in node) return isOsiApproved(node.license) ? [] : [node.license];
  const left = rejectedLicenses(node.left);
  const right = rejectedLicenses(node.right);
  if (node.conjunction === 'and') return [...left, ...right];
  return left.length === 0 || right.length === 0 ? [] : [...left, ...right];
}
