import { isLongForm } from './fact-forms.js';
import type { Path } from '../path.js';

type Source = string | { url: string; quote?: string; retrieved?: string };

/**
 * A claim's home in the manifest: where its sources live and how old they are. A section with
 * its own `sources` (pricing, ...), one audit (`audits[0]`, whose `report` URL or `sources` is its
 * evidence), the audits list itself, or `facts` (both sourced from the top-level `sources`); for a set
 * that declares its facts, each fact (`facts.telemetry`) on its own.
 */
export interface Subject {
  /** How reasons name it: `pricing`, `audits[0]`, `audits`, `facts`. */
  name: string;
  /** Where it is in the manifest, for pointing at a line. */
  path: Path;
  sourced: boolean;
  /** The URLs of its sources (an audit's report first), for reports to link. */
  urls: string[];
  /** When its facts were last checked; undefined when the manifest gives no date for them. */
  checked?: string;
}

interface ManifestView {
  reviewed?: string;
  sources?: { audits?: Source[]; facts?: Source[] };
  audits?: { report?: string; sources?: Source[] }[];
  facts?: Record<string, unknown>;
}

/**
 * The subjects of the claims behind a result, one per subject. Only values the manifest gives are
 * claims: a path that is not given is "not known", which the check has already judged.
 */
export function subjectsOf(
  manifest: unknown,
  reads: readonly Path[],
  options: { factByFact?: boolean } = {},
): Subject[] {
  const subjects = new Map<string, Subject>();
  for (const path of reads) {
    if (!isGiven(manifest, path)) continue;
    const view = manifest as ManifestView & Record<string, unknown>;
    const subject =
      options.factByFact && path[0] === 'facts' && path.length >= 2
        ? factSubject(view, String(path[1]))
        : subjectOf(view, path);
    if (subject && !subjects.has(subject.name)) subjects.set(subject.name, subject);
  }
  return [...subjects.values()];
}

function subjectOf(manifest: ManifestView & Record<string, unknown>, path: Path): Subject | undefined {
  const [section, index] = path;
  if (section === 'audits')
    return typeof index === 'number' ? auditSubject(manifest, index) : auditsListSubject(manifest);
  if (section === 'facts') return sectionSubject(manifest, 'facts', manifest.sources?.facts ?? []);
  const value = typeof section === 'string' ? manifest[section] : undefined;
  // Top-level scalars (name, homepage, reviewed) describe the manifest, not the tool's properties.
  if (typeof section !== 'string' || value === null || typeof value !== 'object' || Array.isArray(value))
    return undefined;
  return sectionSubject(manifest, section, (value as { sources?: Source[] }).sources ?? []);
}

/**
 * One declared fact: sourced by its own `sources` in the long form, otherwise by `sources.facts`, so
 * a reason can say which fact lacks a source and staleness follows that fact's own dates.
 */
function factSubject(manifest: ManifestView, name: string): Subject {
  const given = manifest.facts?.[name];
  const own =
    isLongForm(given) && Array.isArray(given.sources) && given.sources.length > 0
      ? (given.sources as Source[])
      : undefined;
  const sources = own ?? manifest.sources?.facts ?? [];
  return {
    name: `facts.${name}`,
    path: ['facts', name],
    sourced: sources.length > 0,
    urls: urlsOf(sources),
    ...dated(checkedOn(sources, manifest.reviewed)),
  };
}

function sectionSubject(manifest: ManifestView, name: string, sources: Source[]): Subject {
  return {
    name,
    path: [name],
    sourced: sources.length > 0,
    urls: urlsOf(sources),
    ...dated(checkedOn(sources, manifest.reviewed)),
  };
}

function auditSubject(manifest: ManifestView, index: number): Subject {
  const entry = manifest.audits?.[index] ?? {};
  const sources = entry.sources ?? [];
  const urls = [...(entry.report === undefined ? [] : [entry.report]), ...urlsOf(sources)];
  return {
    name: `audits[${index}]`,
    path: ['audits', index],
    sourced: hasEvidence(entry),
    urls,
    ...dated(checkedOn(sources, manifest.reviewed)),
  };
}

/** The list as a whole ("these are the audits", or `[]`: "none is published") needs the top-level `sources.audits`, unless every entry has its own evidence. */
function auditsListSubject(manifest: ManifestView): Subject {
  const sources = manifest.sources?.audits ?? [];
  const entries = manifest.audits ?? [];
  const sourced = sources.length > 0 || (entries.length > 0 && entries.every(hasEvidence));
  return {
    name: 'audits',
    path: ['audits'],
    sourced,
    urls: urlsOf(sources),
    ...dated(checkedOn(sources, manifest.reviewed)),
  };
}

function urlsOf(sources: Source[]): string[] {
  return sources.map((source) => (typeof source === 'string' ? source : source.url));
}

/** Every URL behind `subjects`, once each, in the order the result relied on them. */
export function sourceUrls(subjects: readonly Subject[]): string[] {
  return [...new Set(subjects.flatMap((subject) => subject.urls))];
}

function hasEvidence(entry: { report?: string; sources?: Source[] }): boolean {
  return entry.report !== undefined || (entry.sources?.length ?? 0) > 0;
}

/** The newest date any source was read on; a source without `retrieved` was read when the manifest was reviewed. */
function checkedOn(sources: Source[], reviewed: string | undefined): string | undefined {
  if (sources.length === 0) return reviewed;
  const dates = sources
    .map((source) => (typeof source === 'object' && source.retrieved) || reviewed)
    .filter((date) => date !== undefined);
  // ISO dates compare as strings, which Math.max cannot do.
  // biome-ignore lint/complexity/useMathMinMax: the values are YYYY-MM-DD strings, not numbers
  return dates.length === 0 ? undefined : dates.reduce((newest, date) => (date > newest ? date : newest));
}

function dated(checked: string | undefined): { checked?: string } {
  return checked === undefined ? {} : { checked };
}

function isGiven(manifest: unknown, path: Path): boolean {
  let value: unknown = manifest;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value !== undefined;
}
