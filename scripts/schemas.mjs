// `npm run schema` (after a build): writes schema/, the JSON Schemas editors load through a manifest's
// `$schema` line: manifest.schema.json (the built-in sections, facts free-form), criteria.schema.json,
// and <set>.manifest.schema.json for each installed set that declares facts (its manifests' facts
// typed as the set declares them, as `pgcheck schema --category <set>` prints).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criteriaJsonSchema, installedCriteriaIds, loadCriteria, manifestJsonSchema } from '../dist/index.js';
import { categorySchemaFile } from '../dist/init/init-manifest.js';
import { packageRoot } from '../dist/paths.js';

const write = (name, schema) =>
  writeFileSync(join(packageRoot, 'schema', name), `${JSON.stringify(schema, null, 2)}\n`);
write('manifest.schema.json', manifestJsonSchema());
write('criteria.schema.json', criteriaJsonSchema());
for (const id of installedCriteriaIds()) {
  const set = await loadCriteria(id);
  if (set.facts) write(categorySchemaFile(id), manifestJsonSchema({ id, facts: set.facts }));
}
