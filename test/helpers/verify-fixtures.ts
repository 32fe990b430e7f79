import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const templates = fileURLToPath(new URL('../fixtures/verify/', import.meta.url));

/**
 * Writes every test/fixtures/verify/*.yaml.tmpl into a new temp dir as *.yaml, with {{MAIN}}, {{OTHER}}
 * and {{PORT}} replaced by the test servers' origins and the main port. Returns the dir.
 */
export async function writeVerifyFixtures(values: { main: string; other: string; port: number }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pgcheck-verify-'));
  for (const name of await readdir(templates)) {
    if (!name.endsWith('.yaml.tmpl')) continue;
    const text = (await readFile(join(templates, name), 'utf8'))
      .replaceAll('{{MAIN}}', values.main)
      .replaceAll('{{OTHER}}', values.other)
      .replaceAll('{{PORT}}', String(values.port));
    await writeFile(join(dir, name.replace(/\.tmpl$/, '')), text);
  }
  return dir;
}

/** The real bin, not blocking this process (see runBinAsync); most tests run the CLI in-process with runCli. */
export { runBinAsync as runCliAsync } from './cli.js';
