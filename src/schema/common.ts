import { z } from 'zod';

/** Calendar date, YYYY-MM-DD, checked to exist (2026-02-30 is refused). */
export const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD' });

/** A year, or a year and month, with an optional day: audits are often dated only by month or year. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, { error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine((value) => value.length <= 7 || isRealDate(value), { error: 'is not a real calendar date' })
  .meta({ description: 'A date, YYYY, YYYY-MM or YYYY-MM-DD (quote a bare year: "2023")' });

// Any host name or IPv4 address, not only public domains: `pgcheck verify` must be able to see (and
// refuse) a URL at localhost or 127.0.0.1 rather than the manifest being rejected unread.
function httpUrlSchema() {
  return z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
    .max(2048)
    .meta({ description: 'An http(s) URL' });
}

export const httpUrl = httpUrlSchema();
/**
 * URLs that are evidence in themselves, as the same http(s) URL under their own schema instance so
 * `pgcheck verify` finds them by walking the manifest's schema (verify/plan.ts), never from a list of
 * field names: a page the manifest says exists (a web interface, an audit report, a declared `url`
 * fact) is checked to answer, and a source repository is checked through its host's API.
 */
export const pageUrl = httpUrlSchema();
export const repositoryUrl = httpUrlSchema();

export const identifier = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a lower-case id of letters, digits and hyphens' })
  .max(64);

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** How old evidence may be: a whole number and a unit, e.g. `12 months`, `90 days`, `1 year`. */
export const maxAge = z
  .string()
  .regex(/^[1-9][0-9]{0,3} (days?|weeks?|months?|years?)$/, {
    error: 'expected a whole number and a unit, e.g. 12 months, 90 days, 2 weeks or 1 year',
  })
  .meta({ description: 'How old evidence may be, e.g. 12 months (units: days, weeks, months, years)' });
