import type { z } from 'zod';
import { isLongForm } from '../engine/fact-forms.js';
import type { Path } from '../path.js';
import type { FactDeclarations } from '../schema/facts.js';
import { type Manifest, manifestSchemaFor, type Source, source as sourceSchema } from '../schema/manifest.js';
import { elementOf, keysOf, schemasAt } from '../schema/walk.js';
import { type GithubRepository, githubRepository } from './github.js';

/** A check to run for one manifest, before anything is fetched. */
export type PlannedCheck =
  | { kind: 'reachable'; url: string; path: Path }
  | { kind: 'quote'; url: string; quote: string; path: Path }
  | { kind: 'repository'; repository: GithubRepository; licences: { expression: string; path: Path }[]; path: Path };

/**
 * Every online check the manifest calls for; each URL checked for reachability once per manifest.
 * `facts`: the declarations of the manifest's criteria set, whose long-form facts carry sources.
 */
export function planChecks(
  manifest: Manifest,
  githubHosts: ReadonlySet<string>,
  facts?: FactDeclarations,
): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  const reachable = new Set<string>();
  const repositories = new Map<string, Extract<PlannedCheck, { kind: 'repository' }>>();
  const addUrl = (url: string, path: Path) => {
    if (reachable.has(url)) return;
    reachable.add(url);
    checks.push({ kind: 'reachable', url, path });
  };
  const addSources = (sources: readonly Source[] | undefined, path: Path) => {
    sources?.forEach((source, index) => {
      const url = typeof source === 'string' ? source : source.url;
      addUrl(url, [...path, index]);
      if (typeof source !== 'string' && source.quote !== undefined)
        checks.push({ kind: 'quote', url, quote: source.quote, path: [...path, index, 'quote'] });
    });
  };
  const addRepository = (url: string, licence: string | undefined, path: Path, licencePath: Path) => {
    const repository = githubRepository(url, githubHosts);
    if (!repository) return addUrl(url, path);
    let check = repositories.get(repository.fullName.toLowerCase());
    if (!check) {
      check = { kind: 'repository', repository, licences: [], path };
      repositories.set(repository.fullName.toLowerCase(), check);
      checks.push(check);
    }
    if (licence !== undefined && !check.licences.some((known) => known.expression === licence))
      check.licences.push({ expression: licence, path: licencePath });
  };

  // Every list of sources in the file, found through the manifest's schema. Sections' own lists come
  // first and the top-level `sources` map and per-fact sources last, so reports keep their order.
  const lists = sourceLists(manifest, manifestSchemaFor(facts), []).filter(({ path }) => path[0] !== 'audits');
  const ownLists = lists.filter(({ path }) => path.length === 2 && path[0] !== 'sources');
  for (const { path, list } of ownLists) addSources(list, path);
  if (manifest.web_interface?.url) addUrl(manifest.web_interface.url, ['web_interface', 'url']);
  manifest.audits?.forEach((audit, index) => {
    if (audit.report) addUrl(audit.report, ['audits', index, 'report']);
    addSources(audit.sources, ['audits', index, 'sources']);
  });
  const code = manifest.source_code;
  for (const [index, url] of (code?.repositories ?? []).entries()) {
    addRepository(url, code?.license, ['source_code', 'repositories', index], ['source_code', 'license']);
  }
  for (const [index, component] of (code?.components ?? []).entries()) {
    if (!component.repository) continue;
    addRepository(
      component.repository,
      component.license,
      ['source_code', 'components', index, 'repository'],
      ['source_code', 'components', index, 'license'],
    );
  }
  // A declared `url` fact (a whitepaper, say) is a page the manifest claims exists, as web_interface.url is.
  for (const [name, declaration] of Object.entries(facts ?? {})) {
    if (declaration.type !== 'url') continue;
    const given = (manifest.facts as Record<string, unknown> | undefined)?.[name];
    const long = isLongForm(given);
    const url = long ? given.value : given;
    if (typeof url === 'string') addUrl(url, long ? ['facts', name, 'value'] : ['facts', name]);
  }
  for (const { path, list } of lists.filter((entry) => !ownLists.includes(entry))) addSources(list, path);
  return checks;
}

/** The lists of sources in `value`, walked in the schema's key order, each with its path. */
function sourceLists(value: unknown, root: z.ZodType, path: Path): { path: Path; list: Source[] }[] {
  const schemas = schemasAt(root, path);
  if (Array.isArray(value)) {
    if (schemas.some((schema) => elementOf(schema) === sourceSchema)) return [{ path, list: value as Source[] }];
    return value.flatMap((item, index) => sourceLists(item, root, [...path, index]));
  }
  if (value === null || typeof value !== 'object') return [];
  const keys = [...new Set(schemas.flatMap((schema) => keysOf(schema, value)))].filter((key) =>
    Object.hasOwn(value, key),
  );
  const inRecord = schemas.some((schema) => keysOf(schema).length === 0);
  const names = inRecord ? Object.keys(value) : keys;
  return names.flatMap((key) => sourceLists((value as Record<string, unknown>)[key], root, [...path, key]));
}
