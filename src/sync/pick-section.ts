import type { CriteriaPage, CriteriaSection } from './criteria-page.js';

export type SectionPick = { ok: true; section: CriteriaSection } | { ok: false; line: number; message: string };

/**
 * The criteria section to use: the only one, or the one `wanted` names (its sub-category heading,
 * any case), or with `together` and nothing named, all of them as one. Anything else is an error that
 * lists the sections there are.
 */
export function pickSection(
  page: CriteriaPage,
  wanted: string | undefined,
  options: { together?: boolean } = {},
): SectionPick {
  const { sections } = page;
  if (sections.length === 0) {
    return {
      ok: false,
      line: 1,
      message:
        'no criteria section: the page has no "Criteria" heading (## Criteria, or ### Criteria under a sub-category), and no list before its first section heading',
    };
  }
  const listed = `${sections.map((section) => `"${section.name}" (line ${section.line})`).join(', ')}`;
  if (wanted === undefined) {
    if (sections.length === 1) return { ok: true, section: sections[0]! };
    // drift: a set may follow several sections of its page (password managers: cloud-based and local).
    if (options.together) return { ok: true, section: together(sections) };
    return {
      ok: false,
      line: 1,
      message: `the page has ${sections.length} criteria sections: ${listed}; choose one with --section <heading>`,
    };
  }
  const key = wanted.trim().toLowerCase();
  const matches = sections.filter((section) => section.name.toLowerCase() === key);
  if (matches.length === 1) return { ok: true, section: matches[0]! };
  if (matches.length > 1)
    return {
      ok: false,
      line: matches[1]!.line,
      message: `more than one criteria section is under a heading "${wanted}": ${listed}`,
    };
  return { ok: false, line: 1, message: `no criteria section under a heading "${wanted}"; the page has ${listed}` };
}

/** Several criteria sections as one, their bullets in page order. */
function together(sections: readonly CriteriaSection[]): CriteriaSection {
  return {
    name: sections.map((section) => section.name).join(', '),
    line: sections[0]?.line ?? 1,
    bullets: sections.flatMap((section) => section.bullets),
  };
}
