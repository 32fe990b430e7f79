import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { CRITERIA_FORMAT } from '../schema/criteria.js';
import type { CriteriaSection } from './criteria-page.js';
import { uniqueSlugs } from './slug.js';

export interface ImportOptions {
  id: string;
  title: string;
  source: string;
  revision: string;
  /** Where the page's markdown was fetched from, recorded for `criteria drift`. */
  upstream?: string;
}

/** What an imported criterion is judged by until someone writes its check. */
export const NOT_YET_JUDGED = 'Not yet judged: the check is still to be written.';

/**
 * A criteria set (YAML text) from a criteria section: one criterion per bullet, its check a `todo`,
 * so the set validates and evaluates as unknown until the checks are written.
 */
export function importedSetYaml(section: CriteriaSection, options: ImportOptions): string {
  const ids = uniqueSlugs(section.bullets.map((bullet) => bullet.text));
  const doc = new Document({
    pgcheck_criteria: CRITERIA_FORMAT,
    id: options.id,
    title: options.title,
    source: options.source,
    ...(options.upstream ? { upstream: options.upstream } : {}),
    revision: options.revision,
    criteria: section.bullets.map((bullet, index) => ({
      id: ids[index],
      level: bullet.level,
      text: bullet.text,
      judged: NOT_YET_JUDGED,
      check: { todo: null },
    })),
  });
  doc.commentBefore = [
    ` Imported by pgcheck criteria import from ${options.upstream ?? options.source}.`,
    ' The criteria text is quoted from that page: keep the attribution its licence asks for.',
    ' Every check is a todo (evaluates as unknown): write each one, and say how it is judged.',
  ].join('\n');
  const list = doc.get('criteria');
  if (isSeq(list)) {
    list.items.forEach((item, index) => {
      const bullet = section.bullets[index]!;
      const notes = [
        ...(bullet.theme ? [`page line ${bullet.line}, under ${bullet.theme}`] : [`page line ${bullet.line}`]),
        ...(bullet.lead ? [`after "${bullet.lead}"`] : []),
        ...(bullet.tiered ? [] : ['no tier on the page: level read from the wording']),
      ];
      if (isMap(item)) {
        (item as YAMLMap).commentBefore = ` ${notes.join('; ')}`;
        const check = (item as YAMLMap).get('check', true);
        if (isMap(check)) check.flow = true;
      }
    });
  }
  return doc.toString({ lineWidth: 0, nullStr: '~' });
}
