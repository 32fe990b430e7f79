import { createRequire } from 'node:module';
import { closest } from './suggest.js';

const require = createRequire(import.meta.url);

type LicenseList = Readonly<Record<string, { name: string; osiApproved: boolean }>>;
type ParseSpdx = (expression: string) => unknown;

// Loaded on first use: the licence list is large and most commands never need it.
let licenses: LicenseList | undefined;
let parseSpdx: ParseSpdx | undefined;

function licenseList(): LicenseList {
  licenses ??= require('spdx-license-list') as LicenseList;
  return licenses;
}

function parser(): ParseSpdx {
  parseSpdx ??= require('spdx-expression-parse') as ParseSpdx;
  return parseSpdx;
}

export type SpdxNode =
  | { license: string; plus?: boolean; exception?: string }
  | { conjunction: 'and' | 'or'; left: SpdxNode; right: SpdxNode };

type ParsedLicense = { node: SpdxNode } | { error: string };

// A batch repeats the same few licence expressions thousands of times (validation and the
// osi-approved check each parse every one): parse each once. Bounded, so hostile input cannot grow it.
const parsedLicenses = new Map<string, ParsedLicense>();
const PARSED_LICENSES_KEPT = 1000;

/** Parses an SPDX expression; returns an error message instead of throwing. The result is shared: do not modify it. */
export function parseLicense(expression: string): ParsedLicense {
  let parsed = parsedLicenses.get(expression);
  if (!parsed) {
    parsed = parseLicenseUncached(expression);
    if (parsedLicenses.size < PARSED_LICENSES_KEPT) parsedLicenses.set(expression, parsed);
  }
  return parsed;
}

// SPDX documents use these in place of an expression; a manifest field means something else by each.
const SPECIAL_VALUES: Record<string, string> = {
  NONE: 'NONE is not a licence: for a tool under no licence (all rights reserved), write LicenseRef-Proprietary; if the licence is not known, leave the field out (unknown)',
  NOASSERTION:
    'NOASSERTION means nobody determined the licence: leave the field out instead, so it evaluates as unknown',
};

function parseLicenseUncached(expression: string): ParsedLicense {
  try {
    return { node: parser()(expression) as SpdxNode };
  } catch {
    const ids = expression.split(/[\s()]+/).filter((t) => t && !/^(AND|OR|WITH)$/i.test(t));
    const special = ids.find((id) => Object.hasOwn(SPECIAL_VALUES, id));
    if (special) return { error: `${expression === special ? '' : `"${expression}": `}${SPECIAL_VALUES[special]}` };
    const unknown = ids.find((id) => !isKnownLicenseId(id.replace(/\+$/, '')));
    if (unknown) {
      const hint = closestLicenseId(unknown);
      const advice = hint
        ? `; did you mean ${hint}?`
        : '; for a licence SPDX does not list, write LicenseRef-<name>, e.g. LicenseRef-Proprietary';
      return { error: `unknown SPDX licence id "${unknown}"${advice} (see https://spdx.org/licenses/)` };
    }
    return {
      error: `"${expression}" is not a valid SPDX licence expression (e.g. "AGPL-3.0-only" or "MIT OR Apache-2.0")`,
    };
  }
}

/**
 * Deprecated ids the expression uses, each with what to write instead: `GPL-3.0` does not say whether
 * later versions are allowed (GPL-3.0-only or GPL-3.0-or-later), and `GPL-2.0+` is GPL-2.0-or-later.
 */
export function deprecatedLicenseIds(node: SpdxNode): string[] {
  if ('conjunction' in node) return [...deprecatedLicenseIds(node.left), ...deprecatedLicenseIds(node.right)];
  const list = licenseList();
  const orLater = `${node.license}-or-later`;
  if (!(orLater in list)) return [];
  if (node.plus) return [`${node.license}+ is a deprecated SPDX id: write ${orLater}`];
  const only = `${node.license}-only`;
  return only in list
    ? [
        `${node.license} is a deprecated SPDX id that does not say whether later versions are allowed: write ${only} or ${orLater}`,
      ]
    : [];
}

export function isKnownLicenseId(id: string): boolean {
  return id in licenseList() || id.startsWith('LicenseRef-');
}

export function isOsiApproved(id: string): boolean {
  return licenseList()[id]?.osiApproved === true;
}

function closestLicenseId(id: string): string | undefined {
  const ids = Object.keys(licenseList());
  const lower = id.toLowerCase();
  const exact = ids.find((known) => known.toLowerCase() === lower);
  if (exact) return `"${exact}"`;
  // "AGPL3" or "gpl-3" name a family: offer its -only and -or-later ids, the ones SPDX recommends.
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const family = ids.filter((known) => squash(known).startsWith(squash(id)) && /-(only|or-later)$/.test(known));
  if (family.length > 0)
    return family
      .slice(0, 4)
      .map((known) => `"${known}"`)
      .join(' or ');
  const near = closest(id, ids);
  return near && `"${near}"`;
}
