import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCriteria } from '../load/criteria.js';
import { httpUrl, isoDate } from '../schema/common.js';
import { today } from '../run/today.js';
import { loadCriteriaSection } from './criteria-page-input.js';
import type { Io } from './io.js';
import { limitsFromOptions } from './limit-options.js';

export interface ImportCommandOptions {
  id?: string;
  title?: string;
  source?: string;
  revision?: string;
  section?: string;
  output?: string;
  force?: boolean;
  timeout?: number;
  allowPrivateNetwork?: boolean;
}

const MAX_TEXT = 2000;
const MAX_CRITERIA = 200;

/** `pgcheck criteria import <page.md | URL | ->`: a criteria set (YAML) from a criteria page. */
export async function importCriteriaCommand(reference: string, options: ImportCommandOptions, io: Io): Promise<number> {
  const usage = checkOptions(reference, options);
  if (usage) {
    io.stderr(`error: ${usage}\n`);
    return 2;
  }
  const loaded = await loadCriteriaSection(reference, options, limitsFromOptions(options), io);
  if (!loaded) return 2;
  const { section, name } = loaded;
  const problems = [
    ...(section.bullets.length === 0
      ? [{ line: section.line, message: `the criteria section "${section.name}" has no bullets` }]
      : []),
    ...(section.bullets.length > MAX_CRITERIA
      ? [
          {
            line: section.bullets[MAX_CRITERIA]!.line,
            message: `the section has ${section.bullets.length} bullets; a criteria set holds at most ${MAX_CRITERIA}`,
          },
        ]
      : []),
    ...section.bullets
      .filter((bullet) => bullet.text.length > MAX_TEXT)
      .map((bullet) => ({
        line: bullet.line,
        message: `a bullet of ${bullet.text.length} characters is longer than a criterion's text may be (${MAX_TEXT})`,
      })),
  ];
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`${name}:${problem.line}:1: ${problem.message}\n`);
    return 2;
  }
  const { importedSetYaml } = await import('../sync/import-set.js');
  // One set per section of a page with several: each named after its sub-category as well.
  const several = loaded.page.sections.length > 1;
  const baseId = idFromName(loaded.url ?? name);
  const yaml = importedSetYaml(section, {
    id: options.id ?? (several ? `${baseId}-${idFromName(section.name)}`.slice(0, 64).replace(/-+$/, '') : baseId),
    title:
      options.title ??
      (several && loaded.page.title ? `${loaded.page.title}: ${section.name}` : (loaded.page.title ?? section.name)),
    source: options.source ?? (loaded.url as string),
    revision: options.revision ?? today(),
    ...(loaded.url ? { upstream: loaded.url } : {}),
  });
  // The importer's own output must load: anything else is a bug, not the user's problem.
  const check = parseCriteria('imported set', yaml);
  if (!check.ok)
    throw new Error(
      `criteria import wrote a set that does not load: ${check.problems.map((problem) => problem.message).join('; ')}`,
    );
  if (options.output === undefined) {
    io.stdout(yaml);
    return 0;
  }
  try {
    await writeFile(options.output, yaml, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `error: ${code === 'EEXIST' ? `${options.output} already exists; pass --force to overwrite it` : `cannot write ${options.output}: ${(error as Error).message}`}\n`,
    );
    return 2;
  }
  const count = section.bullets.length;
  io.stderr(
    `wrote ${options.output}: ${count} ${count === 1 ? 'criterion' : 'criteria'}, each a todo check to write\n`,
  );
  return 0;
}

function checkOptions(reference: string, options: ImportCommandOptions): string | undefined {
  if (options.source === undefined && !/^https?:\/\//i.test(reference))
    return "give the public URL of the page with --source <url> (it becomes the set's source)";
  if (options.source !== undefined && !httpUrl.safeParse(options.source).success)
    return `--source ${options.source}: expected an http(s) URL`;
  if (options.revision !== undefined && !isoDate.safeParse(options.revision).success)
    return `--revision ${options.revision}: expected a calendar date as YYYY-MM-DD`;
  if (options.id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(options.id))
    return `--id ${options.id}: expected a lower-case id of letters, digits and hyphens`;
  if (options.id === undefined && !idFromName(reference))
    return 'give the set an id with --id <id> (none can be made from the file name)';
  return undefined;
}

/** The set's id from the page's file name: `docs/photo-management.md` → photo-management. */
function idFromName(name: string): string {
  const path = /^https?:\/\//i.test(name) ? new URL(name).pathname.replace(/\/+$/, '') : name;
  return basename(path)
    .replace(/\.(md|markdown|txt)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
