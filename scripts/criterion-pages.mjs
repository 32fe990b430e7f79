// Writes the help page skeleton of every criterion of an installed set that has no page yet
// (docs/criteria/<set>/<id>.md): the quote, the check and the fields read, from the criteria file,
// so a page starts true. Its author then writes the interpretation notes and the examples, which
// test/docs.test.ts evaluates. Usage: npm run build && node scripts/criterion-pages.mjs <set>
// With a criterion and an example (`node scripts/criterion-pages.mjs <set> <criterion> '<yaml>'`),
// prints the example's first line instead: "# <status>: <reason>", as the test judges it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCheck, evaluate, loadCriteria, parseManifest } from '../dist/index.js';
import { pathsReadBy } from '../dist/engine/check-paths.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const id = process.argv[2];
if (!id) {
  console.error('usage: node scripts/criterion-pages.mjs <set>');
  process.exit(2);
}
const set = await loadCriteria(id);
if (process.argv[3]) {
  const criterion = set.criteria.find((candidate) => candidate.id === process.argv[3]);
  if (!criterion) throw new Error(`no criterion ${process.argv[3]} in ${id}`);
  const load = parseManifest('example', `pgcheck: 1\nname: Example\ncategory: ${id}\n${process.argv[4] ?? ''}`);
  if (!load.ok) throw new Error(load.problems.map((problem) => problem.message).join('; '));
  const single = { ...set, criteria: [{ ...criterion, evidenceRequired: false }] };
  const [result] = evaluate(single, load.loaded.manifest, { asOf: '2026-12-01' }).results;
  console.log(`# ${result.status}: ${result.reason}`);
  process.exit(0);
}
const dir = join(root, 'docs/criteria', id);
mkdirSync(dir, { recursive: true });
const levelNote = {
  minimum: 'a failure makes the candidate `fails-minimum`',
  'best-case': 'counted in the best-case score; a failure never fails the candidate',
};
for (const criterion of set.criteria) {
  if (criterion.from) continue;
  const file = join(dir, `${criterion.id}.md`);
  if (existsSync(file)) continue;
  const read = [...(criterion.appliesWhen ? pathsReadBy(criterion.appliesWhen) : []), ...pathsReadBy(criterion.check)];
  const page = [
    `# ${criterion.id}`,
    '',
    `> ${criterion.text.trim().replaceAll('\n', '\n> ')}`,
    '',
    `Upstream: [Privacy Guides, ${set.title}](${set.source}), revision ${set.revision}. Level: **${criterion.level}** (${levelNote[criterion.level]}). Criteria file: [criteria/${id}.yaml](../../../criteria/${id}.yaml).`,
    '',
    '## How pgcheck judges it',
    '',
    criterion.judged.trim(),
    '',
    `- Applies: ${criterion.appliesWhen ? `when ${describeCheck(criterion.appliesWhen)}; otherwise \`not-applicable\`` : 'always'}`,
    `- Check: ${describeCheck(criterion.check)}`,
    `- Manifest fields read: ${[...new Set(read)].map((path) => `\`${path}\``).join(', ')}`,
    '',
    `\`pgcheck criteria show ${id}\` prints the same for every criterion of the set.`,
    '',
    '## Examples',
    '',
    '<!-- write-examples: a ```yaml block per example, its first line "# <status>: <reason pgcheck prints>" -->',
    '',
  ];
  writeFileSync(file, page.join('\n'));
  console.log(`wrote ${file}`);
}
