import { type Manifest, manifestSchema } from '../schema/manifest.js';
import { readText, readTextSync } from './read-file.js';
import type { Problem } from './problem.js';
import type { YamlSource } from './source.js';
import { isCriteriaDocument } from './kind.js';
import { parseAndValidate } from './validate.js';

export interface LoadedManifest {
  file: string;
  manifest: Manifest;
  source: YamlSource;
}

export type ManifestLoad =
  | { ok: true; loaded: LoadedManifest }
  | { ok: false; file: string; problems: Problem[]; isCriteria?: boolean };

export function parseManifest(file: string, text: string): ManifestLoad {
  const result = parseAndValidate(file, text, manifestSchema);
  if (!result.ok && result.source && isCriteriaDocument(result.source)) {
    const problem = { file, line: 1, column: 1, message: 'this is a criteria file, not a candidate manifest (give it with --criteria)' };
    return { ok: false, file, problems: [problem], isCriteria: true };
  }
  if (!result.ok) return { ok: false, file, problems: result.problems };
  return { ok: true, loaded: { file, manifest: result.value, source: result.source } };
}

export async function loadManifest(file: string): Promise<ManifestLoad> {
  const read = await readText(file);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  return parseManifest(file, read.text);
}

/** loadManifest for batches: the same result, read synchronously (see readTextSync). */
export function loadManifestSync(file: string): ManifestLoad {
  const read = readTextSync(file);
  if ('problem' in read) return { ok: false, file, problems: [read.problem] };
  return parseManifest(file, read.text);
}
