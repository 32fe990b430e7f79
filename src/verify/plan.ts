import type { z } from 'zod';
import type { Path } from '../path.js';
import type { FactDeclarations } from '../schema/facts.js';
import { pageUrl, repositoryUrl } from '../schema/common.js';
import { type Manifest, manifestSchemaFor, type Source, source as sourceSchema } from '../schema/manifest.js';
import { elementOf, keysOf, optionsOf, schemasAt } from '../schema/walk.js';
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

  // Everything verify checks is found through the manifest's schema (the category's, with its declared
  // facts): lists of sources, URLs that are evidence in themselves, repositories. In the file's order,
  // section by section; the top-level `sources` and `facts` come last, as the schema lists them.
  for (const found of evidenceIn(manifest, manifestSchemaFor(facts), [], undefined)) {
    if (found.kind === 'sources') addSources(found.list, found.path);
    else if (found.kind === 'page') addUrl(found.url, found.path);
    else addRepository(found.url, found.licence?.expression, found.path, found.licence?.path ?? found.path);
  }
  return checks;
}

type Evidence =
  | { kind: 'sources'; path: Path; list: Source[] }
  | { kind: 'page'; path: Path; url: string }
  | { kind: 'repository'; path: Path; url: string; licence?: { expression: string; path: Path } };

/**
 * The evidence in `value`, walked in the schema's key order, each with its path: lists of sources,
 * page URLs (pageUrl) and repository URLs (repositoryUrl), the latter with the licence of the object
 * it sits in (`source_code.license` for `source_code.repositories`, a component's own `license`).
 */
function evidenceIn(
  value: unknown,
  root: z.ZodType,
  path: Path,
  holder: { value: object; path: Path } | undefined,
): Evidence[] {
  const schemas = schemasAt(root, path);
  if (typeof value === 'string') {
    // A declared fact is a union of its value and the long form: the value is one of the options.
    const candidates = schemas.flatMap((schema) => [schema, ...optionsOf(schema)]);
    if (candidates.includes(pageUrl)) return [{ kind: 'page', path, url: value }];
    if (!candidates.includes(repositoryUrl)) return [];
    const licence = (holder?.value as { license?: unknown } | undefined)?.license;
    return [
      {
        kind: 'repository',
        path,
        url: value,
        ...(typeof licence === 'string' && holder
          ? { licence: { expression: licence, path: [...holder.path, 'license'] } }
          : {}),
      },
    ];
  }
  if (Array.isArray(value)) {
    if (schemas.some((schema) => elementOf(schema) === sourceSchema))
      return [{ kind: 'sources', path, list: value as Source[] }];
    return value.flatMap((item, index) => evidenceIn(item, root, [...path, index], holder));
  }
  if (value === null || typeof value !== 'object') return [];
  const keys = [...new Set(schemas.flatMap((schema) => keysOf(schema, value)))].filter((key) =>
    Object.hasOwn(value, key),
  );
  const inRecord = schemas.some((schema) => keysOf(schema).length === 0);
  const names = inRecord ? Object.keys(value) : keys;
  return names.flatMap((key) =>
    evidenceIn((value as Record<string, unknown>)[key], root, [...path, key], { value, path }),
  );
}
