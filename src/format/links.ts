import type { CriteriaInfo } from '../report/report.js';

/** How a link to `url` reads: the URL without its scheme (`ente.io/architecture`). */
export function linkLabel(url: string): string {
  return url.replace(/^https?:\/\//i, '');
}

/** What a report was judged against and when, with `link` rendering each set's source in the format at hand. */
export function provenance(
  report: { as_of: string; criteria: readonly CriteriaInfo[] },
  text: (plain: string) => string,
  link: (url: string) => string,
): string {
  const sets = report.criteria.map(
    (set) => `${text(`${set.title} (${set.id}), revision ${set.revision}, from `)}${link(set.source)}`,
  );
  return `${text(`As of ${report.as_of}.`)}${sets.length > 0 ? ` ${text('Criteria: ')}${sets.join('; ')}.` : ''}`;
}
