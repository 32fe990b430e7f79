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

function parseLicenseUncached(expression: string): ParsedLicense {
  try {
    return { node: parser()(expression) as SpdxNode };
  } catch {
    const ids = expression.split(/[\s()]+/).filter((t) => t && !/^(AND|OR|WITH)$/i.test(t));
    const unknown = ids.find((id) => !isKnownLicenseId(id.replace(/\+$/, '')));
    if (unknown) {
      const hint = closestLicenseId(unknown);
      return {
        error: `unknown SPDX licence id "${unknown}"${hint ? `; did you mean ${hint}?` : ''} (see https://spdx.org/licenses/)`,
      };
    }
    return { error: `"${expression}" is not a valid SPDX licence expression (e.g. "AGPL-3.0-only" or "MIT OR Apache-2.0")` };
  }
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
  if (family.length > 0) return family.slice(0, 4).map((known) => `"${known}"`).join(' or ');
  const near = closest(id, ids);
  return near && `"${near}"`;
}
