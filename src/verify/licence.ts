import { parseLicense, type SpdxNode } from '../schema/spdx.js';

// GNU licences are the ones whose ids gained -only / -or-later; GitHub still reports the old bare id
// (GPL-3.0) for both, and "GPL-3.0+" is the old spelling of -or-later.
const GNU_FAMILY = /^(A?GPL|LGPL|GFDL)-\d(\.\d)?(-only|-or-later|\+)?$/i;

function comparable(id: string): string {
  const lower = id.toLowerCase();
  return GNU_FAMILY.test(id) ? lower.replace(/(-only|-or-later|\+)$/, '') : lower;
}

function leafIds(node: SpdxNode): string[] {
  if ('license' in node) return [node.license + (node.plus ? '+' : '')];
  return [...leafIds(node.left), ...leafIds(node.right)];
}

export type LicenceAgreement = { agrees: true } | { agrees: false; unknown: boolean; detail: string };

/**
 * Whether the licence GitHub detected (its `spdx_id`, null when it found none) agrees with the
 * manifest's SPDX expression: it must be one of the licences the expression names, GNU ids compared
 * without their -only / -or-later suffix. NOASSERTION (GitHub could not tell) cannot be judged.
 */
export function compareLicence(githubSpdxId: string | null | undefined, manifestExpression: string): LicenceAgreement {
  if (!githubSpdxId)
    return {
      agrees: false,
      unknown: false,
      detail: `GitHub detects no licence; the manifest says ${manifestExpression}`,
    };
  if (githubSpdxId === 'NOASSERTION') {
    return {
      agrees: false,
      unknown: true,
      detail: `GitHub cannot identify the licence (NOASSERTION); the manifest says ${manifestExpression}`,
    };
  }
  const parsed = parseLicense(manifestExpression);
  const ids = 'node' in parsed ? leafIds(parsed.node) : [manifestExpression];
  if (ids.some((id) => comparable(id) === comparable(githubSpdxId))) return { agrees: true };
  return {
    agrees: false,
    unknown: false,
    detail: `GitHub reports ${githubSpdxId}; the manifest says ${manifestExpression}`,
  };
}
