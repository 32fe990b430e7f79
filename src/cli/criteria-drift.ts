import { CriteriaCatalog } from '../run/criteria-info.js';
import type { CriteriaSet } from '../load/criteria.js';
import { printCriteriaError } from './criteria-error.js';
import { loadCriteriaSection } from './criteria-page-input.js';
import type { Io } from './io.js';
import { limitsFromOptions } from './limit-options.js';

export interface DriftCommandOptions {
  upstream?: string;
  section?: string;
  format: 'table' | 'json';
  timeout?: number;
  allowPrivateNetwork?: boolean;
}

/** More bullets than this is no criteria section a set could follow (a set holds at most 200 criteria). */
const MAX_BULLETS = 1000;

/** `pgcheck criteria drift <set>`: what changed on the page a set's criteria come from. */
export async function driftCommand(reference: string, options: DriftCommandOptions, io: Io): Promise<number> {
  let set: CriteriaSet;
  try {
    set = await new CriteriaCatalog().load(reference);
  } catch (error) {
    printCriteriaError(io, error);
    return 2;
  }
  const upstream = options.upstream ?? set.upstream;
  if (upstream === undefined) {
    io.stderr(
      `error: ${set.id} records no upstream page: give one with --upstream <page.md | URL>, or add upstream: <URL of the page's markdown> to ${set.file}\n`,
    );
    return 2;
  }
  const loaded = await loadCriteriaSection(upstream, { ...options, allSections: true }, limitsFromOptions(options), io);
  if (!loaded) return 2;
  const { bullets } = loaded.section;
  if (bullets.length > MAX_BULLETS) {
    io.stderr(
      `${loaded.name}:${bullets[MAX_BULLETS]!.line}:1: the criteria section has ${bullets.length} bullets, more than the ${MAX_BULLETS} a set could follow\n`,
    );
    return 2;
  }
  const [{ driftOf, driftExitCode }, { driftFormats }] = await Promise.all([
    import('../sync/drift.js'),
    import('../sync/format-drift.js'),
  ]);
  // Only the set's own criteria come from this page: those it inherits (extends) follow their own.
  const changes = driftOf(
    set.criteria.filter((criterion) => criterion.from === undefined),
    bullets,
  );
  io.stdout(driftFormats[options.format]({ set: set.id, upstream: loaded.url ?? loaded.name, changes }));
  return driftExitCode(changes);
}
