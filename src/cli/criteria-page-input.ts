import type { Limits } from '../load/limits.js';
import { packageVersion } from '../paths.js';
import type { CriteriaPage, CriteriaSection } from '../sync/criteria-page.js';
import { type Io, printProblems } from './io.js';

export interface PageInputOptions {
  section?: string;
  /** Without `section`, take every criteria section of the page as one (drift: a set may follow several). */
  allSections?: boolean;
  timeout?: number;
  allowPrivateNetwork?: boolean;
}

export interface LoadedSection {
  name: string;
  url?: string;
  page: CriteriaPage;
  section: CriteriaSection;
}

/**
 * Reads a criteria page (file, URL or `-`) and picks its criteria section, printing any problem as
 * file:line:column. The markdown modules (and marked) are imported here, only by the commands that read pages.
 */
export async function loadCriteriaSection(
  reference: string,
  options: PageInputOptions,
  limits: Partial<Limits>,
  io: Io,
): Promise<LoadedSection | undefined> {
  const [{ readPage }, { loadLexer }, { readCriteriaPage, PageShapeError }, { pickSection }] = await Promise.all([
    import('../sync/read-page.js'),
    import('../sync/markdown.js'),
    import('../sync/criteria-page.js'),
    import('../sync/pick-section.js'),
  ]);
  const read = await readPage(reference, {
    limits,
    client: async () => {
      const { createHttpClient } = await import('../verify/client.js');
      const timeoutMs = Math.round((options.timeout ?? 10) * 1000);
      return createHttpClient({
        timeoutMs,
        deadlineMs: timeoutMs * 3,
        connectionsPerOrigin: 1,
        allowPrivateNetwork: options.allowPrivateNetwork === true,
        userAgent: `pgcheck/${packageVersion()} (+https://github.com/pgcheck/pgcheck)`,
      });
    },
    stdin: () => process.stdin,
  });
  if (!read.ok) {
    printProblems(io, [read.problem]);
    return undefined;
  }
  let page: CriteriaPage;
  try {
    page = readCriteriaPage(read.text, await loadLexer(), limits.maxStringLength);
  } catch (error) {
    if (error instanceof PageShapeError) {
      printProblems(io, [{ file: read.name, line: error.line, column: 1, message: `not read: ${error.message}` }]);
      return undefined;
    }
    // Should some other structure still nest past the stack, it is the page's fault, not a bug.
    if (!(error instanceof RangeError)) throw error;
    printProblems(io, [{ file: read.name, line: 1, column: 1, message: 'the page is nested too deeply to read' }]);
    return undefined;
  }
  const pick = pickSection(page, options.section, { together: options.allSections === true });
  if (!pick.ok) {
    printProblems(io, [{ file: read.name, line: pick.line, column: 1, message: pick.message }]);
    return undefined;
  }
  return { name: read.name, ...(read.url ? { url: read.url } : {}), page, section: pick.section };
}
