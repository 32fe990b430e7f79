import type { Manifest } from '../schema/manifest.js';
import type { ManifestPath } from '../operators/operator.js';
import { type GithubRepository, githubRepository } from './github.js';

/** A check to run for one manifest, before anything is fetched. */
export type PlannedCheck =
  | { kind: 'reachable'; url: string; path: ManifestPath }
  | { kind: 'quote'; url: string; quote: string; path: ManifestPath }
  | { kind: 'repository'; repository: GithubRepository; licences: { expression: string; path: ManifestPath }[]; path: ManifestPath };

type Source = string | { url: string; quote?: string | undefined };

const SECTIONS_WITH_SOURCES = ['hosting', 'encryption', 'pricing', 'authentication', 'web_interface', 'export', 'source_code'] as const;

/** Every online check the manifest calls for; each URL checked for reachability once per manifest. */
export function planChecks(manifest: Manifest, githubHosts: ReadonlySet<string>): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  const reachable = new Set<string>();
  const repositories = new Map<string, Extract<PlannedCheck, { kind: 'repository' }>>();
  const addUrl = (url: string, path: ManifestPath) => {
    if (reachable.has(url)) return;
    reachable.add(url);
    checks.push({ kind: 'reachable', url, path });
  };
  const addSources = (sources: readonly Source[] | undefined, path: ManifestPath) => {
    sources?.forEach((source, index) => {
      const url = typeof source === 'string' ? source : source.url;
      addUrl(url, [...path, index]);
      if (typeof source !== 'string' && source.quote !== undefined) checks.push({ kind: 'quote', url, quote: source.quote, path: [...path, index, 'quote'] });
    });
  };
  const addRepository = (url: string, licence: string | undefined, path: ManifestPath, licencePath: ManifestPath) => {
    const repository = githubRepository(url, githubHosts);
    if (!repository) return addUrl(url, path);
    let check = repositories.get(repository.fullName.toLowerCase());
    if (!check) {
      check = { kind: 'repository', repository, licences: [], path };
      repositories.set(repository.fullName.toLowerCase(), check);
      checks.push(check);
    }
    if (licence !== undefined && !check.licences.some((known) => known.expression === licence)) check.licences.push({ expression: licence, path: licencePath });
  };

  for (const section of SECTIONS_WITH_SOURCES) addSources(manifest[section]?.sources, [section, 'sources']);
  if (manifest.web_interface?.url) addUrl(manifest.web_interface.url, ['web_interface', 'url']);
  manifest.audits?.forEach((audit, index) => {
    if (audit.report) addUrl(audit.report, ['audits', index, 'report']);
    addSources(audit.sources, ['audits', index, 'sources']);
  });
  const code = manifest.source_code;
  code?.repositories?.forEach((url, index) => addRepository(url, code.license, ['source_code', 'repositories', index], ['source_code', 'license']));
  code?.components?.forEach((component, index) =>
    component.repository && addRepository(component.repository, component.license, ['source_code', 'components', index, 'repository'], ['source_code', 'components', index, 'license']),
  );
  return checks;
}
