// Interleaved A/B runs of shell commands, for comparing builds or options by hand (bench/README.md):
//   node bench/ab.js <repetitions> 'label=command' 'label=command' ...
// Each repetition runs every command once, in turn, so slow spells of a shared machine hit all of
// them alike. Prints the median wall and CPU time (user + system) of each, and the ratio to the first.
// Commands run with a user's environment (bench/environment.js), as in `npm run bench`.
import { spawnSync } from 'node:child_process';
import { userEnvironment } from './environment.js';

const [repetitions, ...specs] = process.argv.slice(2);
if (!/^\d+$/.test(repetitions ?? '') || specs.length === 0 || specs.some((spec) => !spec.includes('='))) {
  console.error("usage: node bench/ab.js <repetitions> 'label=command' ...");
  process.exit(2);
}
const cases = specs.map((spec) => {
  const split = spec.indexOf('=');
  return { label: spec.slice(0, split), command: spec.slice(split + 1), wall: [], cpu: [] };
});
for (let round = 0; round < Number(repetitions); round += 1) {
  for (const run of cases) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sh', '-c', `${run.command} >/dev/null`], {
      encoding: 'utf8',
      env: userEnvironment(),
    });
    run.wall.push((performance.now() - started) / 1000);
    const [user, system] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    run.cpu.push((user ?? Number.NaN) + (system ?? Number.NaN));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const [base] = cases;
for (const run of cases) {
  const wall = median(run.wall);
  const cpu = median(run.cpu);
  console.log(
    `${run.label.padEnd(14)} wall ${wall.toFixed(2)} s (${(wall / median(base.wall)).toFixed(2)}x)  CPU ${cpu.toFixed(2)} s (${(cpu / median(base.cpu)).toFixed(2)}x)`,
  );
}
