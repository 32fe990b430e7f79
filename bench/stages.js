// Where the time of one file goes, stage by stage, in one process (bench/README.md):
//   npm run build && node bench/generate.js /tmp/n1000 1000 && node bench/stages.js /tmp/n1000
// Runs the library's own steps over every file in turn, as a batch does: two warm-up passes, then
// two measured ones. Prints microseconds per file for each step, next to yaml's plain `parse` of the
// same text (what the floor, C, pays). In-process and warm: it leaves out start-up and JIT warm-up.
import { openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CriteriaCache } from '../dist/load/criteria-sets.js';
import { manifestFromYaml } from '../dist/load/manifest.js';
import { readTextSync } from '../dist/load/read-file.js';
import { locate, parseYaml } from '../dist/load/source.js';
import { evaluateManifest } from '../dist/engine/evaluate.js';
import { table } from '../dist/format/table.js';
import { resultReport } from '../dist/report/report.js';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node bench/stages.js <directory of manifests>');
  process.exit(2);
}
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(directory, name));
const cache = new CriteriaCache();
const devNull = openSync('/dev/null', 'w');
const totals = new Map();

async function pass(measure) {
  for (const file of files) {
    let last = performance.now();
    const step = (name) => {
      const now = performance.now();
      if (measure) totals.set(name, (totals.get(name) ?? 0) + now - last);
      last = now;
    };
    const read = readTextSync(file);
    step('read (pgcheck)');
    if (!('text' in read)) continue;
    parse(read.text);
    step("yaml's parse (the floor)");
    const parsed = parseYaml(file, read.text);
    step('parse (pgcheck)');
    const load = manifestFromYaml(parsed);
    step('validate');
    if (!load.ok) continue;
    const { manifest, source } = load.loaded;
    const resolution = await cache.resolve(manifest.category);
    if (!resolution.ok) continue;
    last = performance.now();
    const evaluation = evaluateManifest(resolution.set, manifest, { asOf: '2026-08-01' });
    step('evaluate');
    const results = evaluation.results.map((result) => resultReport(result, (path) => locate(source, path)));
    step('result positions');
    const text = table.stream.candidate(
      {
        file,
        name: manifest.name,
        criteria: resolution.set.id,
        verdict: evaluation.verdict,
        best_case: evaluation.bestCase,
        results,
      },
      { color: false },
    );
    step('table');
    writeSync(devNull, text);
    step('write');
  }
}

for (const measure of [false, false, true, true]) await pass(measure);
for (const [name, total] of totals)
  console.log(`${name.padEnd(26)} ${((total / 2 / files.length) * 1000).toFixed(0).padStart(6)} µs per file`);
