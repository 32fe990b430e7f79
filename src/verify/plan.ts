import type { Manifest, Source } from '../schema/manifest.js';
import type { Path } from '../path.js';
import { type GithubRepository, githubRepository } from './github.js';

/** A check to run for one manifest, before anything is fetched. */
export type PlannedCheck =
  | { kind: 'reachable'; url: string; path: Path }
  | { kind: 'quote'; url: string; quote: string; path: Path }
  | { kind: 'repository'; repository: GithubRepository; licences: { expression: string; path: Path }[]; path: Path };

const SECTIONS_WITH_SOURCES = ['hosting', 'encryption', 'pricing', 'authentication', 'web_interface', 'export', 'source_code'] as const;

/** Every online check the manifest calls for; each URL checked for reachability once per manifest. */
export function planChecks(manifest: Manifest, githubHosts: ReadonlySet<string>): PlannedCheck[] {
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
      if (typeof source !== 'string' && source.quote !== undefined) checks.push({ kind: 'quote', url, quote: source.quote, path: [...path, index, 'quote'] });
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
