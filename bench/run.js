// `npm run bench`: start-up and batch throughput of pgcheck against the floors set by Node and by
// parsing YAML. See bench/README.md for how to read the output.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { droppedVariables, userEnvironment } from './environment.js';
import { generate, generateShipped } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'pgcheck.js');
const floor = join(here, 'floor.js');
const probe = join(here, 'rss-probe.js');
const quick = process.argv.includes('--quick');
const reps = quick ? { start: 5, batch: 3, big: 1 } : { start: 11, batch: 5, big: 3 };
const devNull = openSync('/dev/null', 'w');
const work = mkdtempSync(join(tmpdir(), 'pgcheck-bench-'));

const probeOut = join(work, 'probe.json');

/** One run: wall time seen from here; CPU time and peak RSS reported by rss-probe.js inside the child. */
function runOnce(args) {
  const env = userEnvironment({ PGCHECK_BENCH_PROBE_OUT: probeOut });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', probe, ...args], {
    stdio: ['ignore', devNull, 'pipe'],
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 only says a candidate fails the minimum; anything else means the measurement is void.
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(
      `bench: node ${args.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr.toString().slice(0, 2000)}`,
    );
  }
  if (child.stderr.length > 0)
    throw new Error(`bench: node ${args.join(' ')} wrote to stderr:\n${child.stderr.toString().slice(0, 2000)}`);
  const { cpuSeconds, maxRssMb } = JSON.parse(readFileSync(probeOut, 'utf8'));
  return { seconds, cpuSeconds, maxRssMb };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians of `count` runs (after an unmeasured warm-up run when `warmUp`: file cache, disk). */
function time(label, args, count, warmUp = true) {
  if (warmUp) runOnce(args);
  const runs = Array.from({ length: count }, () => runOnce(args));
  const result = {
    seconds: median(runs.map((run) => run.seconds)),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    peakRssMb: Math.max(...runs.map((run) => run.maxRssMb)),
    runs,
  };
  process.stderr.write(
    `  ${label.padEnd(34)} ${result.seconds.toFixed(3)} s wall, ${result.cpuSeconds.toFixed(3)} s CPU  (median of ${count})\n`,
  );
  return result;
}

function offeredFormats() {
  // commander wraps a long choices list over several lines: read the help as one line.
  const help = spawnSync(process.execPath, [bin, 'evaluate', '--help'], {
    encoding: 'utf8',
    env: userEnvironment(),
  }).stdout.replace(/\s+/g, ' ');
  const choices = /\(choices: ((?:"[^"]*"(?:, )?)+)/.exec(help)?.[1] ?? '';
  return [...choices.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
}

/** The 1, 5 and 15 minute load averages: figures from a busy machine are mostly waiting. */
function loadAverage() {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function main() {
  const started = Date.now();
  const loadBefore = loadAverage();
  process.stderr.write(`pgcheck bench: node ${process.version}, load average ${loadAverage()}, work dir ${work}\n`);
  process.stderr.write(`  timed commands run without: ${droppedVariables().join(', ') || 'nothing to drop'}\n`);
  const one = generate(join(work, 'one'), 1);
  const small = generate(join(work, 'n1000'), 1000);
  const large = generate(join(work, 'n10000'), 10_000);
  // Every shipped category: the sets that extend general and declare facts, all installed at once.
  const oneVpn = generateShipped(join(work, 'one-vpn'), 1, 'vpn');
  const shipped = generateShipped(join(work, 'shipped1000'), 1000);
  const formats = offeredFormats();

  const A = time('A  node -e 0', ['-e', '0'], reps.start);
  const B = time('B  pgcheck evaluate (1 file)', [bin, 'evaluate', one], reps.start);
  const C1 = time('C  yaml floor, 1,000 files', [floor, small], reps.batch);
  const D1 = time('D  pgcheck evaluate, 1,000 files', [bin, 'evaluate', small], reps.batch);
  const B2 = time('B2 pgcheck evaluate (1 vpn file)', [bin, 'evaluate', oneVpn], reps.start);
  const C2 = time('C2 yaml floor, 1,000 of every set', [floor, shipped], reps.batch);
  const D2 = time('D2 pgcheck, 1,000 of every set', [bin, 'evaluate', shipped], reps.batch);
  // No warm-up runs at 10,000 files: each takes long, and the floor run has just read the files.
  const C10 = time('C  yaml floor, 10,000 files', [floor, large], reps.big, false);
  const D10 = time('D  pgcheck evaluate, 10,000 files', [bin, 'evaluate', large], reps.big, false);
  const byFormat = { table: D10.seconds };
  const skipped = [];
  for (const format of ['json', 'junit']) {
    if (!formats.includes(format)) {
      skipped.push(format);
      process.stderr.write(
        `  --format ${format}: skipped, this pgcheck does not offer it (offers: ${formats.join(', ')})\n`,
      );
      continue;
    }
    byFormat[format] = time(
      `   --format ${format}, 10,000 files`,
      [bin, 'evaluate', '--format', format, large],
      reps.big,
      false,
    ).seconds;
  }
  const rss1 = D1.peakRssMb;
  const rss10 = D10.peakRssMb;

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    load_average: { before: loadBefore, after: loadAverage() },
    environment_dropped: droppedVariables(),
    repetitions: reps,
    seconds: {
      A: A.seconds,
      B: B.seconds,
      C_1000: C1.seconds,
      D_1000: D1.seconds,
      C_10000: C10.seconds,
      D_10000: D10.seconds,
      B2_vpn: B2.seconds,
      C2_shipped_1000: C2.seconds,
      D2_shipped_1000: D2.seconds,
    },
    ratios: {
      B2_over_A: B2.seconds / A.seconds,
      D2_over_C2_1000: D2.seconds / C2.seconds,
      B_over_A: B.seconds / A.seconds,
      D_over_C_1000: D1.seconds / C1.seconds,
      D_over_C_10000: D10.seconds / C10.seconds,
      D_10000_over_D_1000: D10.seconds / D1.seconds,
    },
    peak_rss_mb: { D_1000: rss1, D_10000: rss10 },
    formats_10000: Object.fromEntries(
      Object.entries(byFormat).map(([format, seconds]) => [format, { seconds, over_table: seconds / byFormat.table }]),
    ),
    formats_skipped: skipped,
    targets: {
      B_over_A: { max: 2.5, met: B.seconds / A.seconds <= 2.5 },
      D_over_C_1000: { max: 1.25, met: D1.seconds / C1.seconds <= 1.25 },
      D_10000_over_D_1000: { max: 11, met: D10.seconds / D1.seconds <= 11 },
      peak_rss_10000_mb: { max: 200, met: rss10 < 200 },
      // The same two targets on manifests of every shipped set (issue 12: they hold with all sets installed).
      B2_over_A: { max: 2.5, met: B2.seconds / A.seconds <= 2.5 },
      D2_over_C2_1000: { max: 1.25, met: D2.seconds / C2.seconds <= 1.25 },
    },
    cpu_seconds: {
      A: A.cpuSeconds,
      B: B.cpuSeconds,
      C_1000: C1.cpuSeconds,
      D_1000: D1.cpuSeconds,
      C_10000: C10.cpuSeconds,
      D_10000: D10.cpuSeconds,
      B2_vpn: B2.cpuSeconds,
      C2_shipped_1000: C2.cpuSeconds,
      D2_shipped_1000: D2.cpuSeconds,
    },
    cpu_ratios: {
      B2_over_A: B2.cpuSeconds / A.cpuSeconds,
      D2_over_C2_1000: D2.cpuSeconds / C2.cpuSeconds,
      B_over_A: B.cpuSeconds / A.cpuSeconds,
      D_over_C_1000: D1.cpuSeconds / C1.cpuSeconds,
      D_10000_over_D_1000: D10.cpuSeconds / D1.cpuSeconds,
    },
    runs: {
      A: A.runs,
      B: B.runs,
      C_1000: C1.runs,
      D_1000: D1.runs,
      C_10000: C10.runs,
      D_10000: D10.runs,
      B2_vpn: B2.runs,
      C2_shipped_1000: C2.runs,
      D2_shipped_1000: D2.runs,
    },
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  process.stdout.write(
    `\nwritten: bench/results/latest.json (bench took ${Math.round((Date.now() - started) / 1000)} s)\n`,
  );
}

function printTable(results) {
  const s = results.seconds;
  const t = results.targets;
  const mark = (target) => (target.met ? 'met' : 'MISSED');
  const rows = [
    ['A   node -e 0', `${s.A.toFixed(3)} s`, ''],
    ['B   pgcheck evaluate, 1 file', `${s.B.toFixed(3)} s`, ''],
    [
      'B/A start-up',
      `${results.ratios.B_over_A.toFixed(2)}x`,
      `<= 2.5: ${mark(t.B_over_A)}  (CPU time: ${results.cpu_ratios.B_over_A.toFixed(2)}x)`,
    ],
    ['C   yaml floor, 1,000 files', `${s.C_1000.toFixed(3)} s`, ''],
    ['D   pgcheck, 1,000 files', `${s.D_1000.toFixed(3)} s`, ''],
    [
      'D/C 1,000 files',
      `${results.ratios.D_over_C_1000.toFixed(2)}x`,
      `<= 1.25: ${mark(t.D_over_C_1000)}  (CPU time: ${results.cpu_ratios.D_over_C_1000.toFixed(2)}x)`,
    ],
    ['B2  pgcheck evaluate, 1 vpn file', `${s.B2_vpn.toFixed(3)} s`, 'vpn: a set that extends general'],
    [
      'B2/A start-up',
      `${results.ratios.B2_over_A.toFixed(2)}x`,
      `<= 2.5: ${mark(t.B2_over_A)}  (CPU time: ${results.cpu_ratios.B2_over_A.toFixed(2)}x)`,
    ],
    ['C2  yaml floor, 1,000 of every set', `${s.C2_shipped_1000.toFixed(3)} s`, ''],
    [
      'D2  pgcheck, 1,000 of every set',
      `${s.D2_shipped_1000.toFixed(3)} s`,
      'the shipped candidates of every set, renamed',
    ],
    [
      'D2/C2 1,000 files',
      `${results.ratios.D2_over_C2_1000.toFixed(2)}x`,
      `<= 1.25: ${mark(t.D2_over_C2_1000)}  (CPU time: ${results.cpu_ratios.D2_over_C2_1000.toFixed(2)}x)`,
    ],
    ['C   yaml floor, 10,000 files', `${s.C_10000.toFixed(3)} s`, ''],
    ['D   pgcheck, 10,000 files', `${s.D_10000.toFixed(3)} s`, ''],
    ['D/C 10,000 files', `${results.ratios.D_over_C_10000.toFixed(2)}x`, ''],
    [
      'D 10,000 / D 1,000',
      `${results.ratios.D_10000_over_D_1000.toFixed(2)}x`,
      `<= 11: ${mark(t.D_10000_over_D_1000)}  (CPU time: ${results.cpu_ratios.D_10000_over_D_1000.toFixed(2)}x)`,
    ],
    ['peak RSS D, 1,000 files', `${results.peak_rss_mb.D_1000.toFixed(0)} MB`, ''],
    [
      'peak RSS D, 10,000 files',
      `${results.peak_rss_mb.D_10000.toFixed(0)} MB`,
      `< 200 MB: ${mark(t.peak_rss_10000_mb)}`,
    ],
    ...Object.entries(results.formats_10000).map(([format, { seconds, over_table }]) => [
      `--format ${format}, 10,000 files`,
      `${seconds.toFixed(3)} s`,
      `${over_table.toFixed(2)}x table`,
    ]),
    ...results.formats_skipped.map((format) => [
      `--format ${format}, 10,000 files`,
      'skipped',
      'not offered by this pgcheck',
    ]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  process.stdout.write(
    `\npgcheck bench (node ${results.node}; a user's environment; load average ${results.load_average.before} before, ${results.load_average.after} after)\n\n`,
  );
  for (const row of rows)
    process.stdout.write(`${`${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2]}\n`.trimEnd()}\n`);
}

try {
  main();
} finally {
  closeSync(devNull);
  rmSync(work, { recursive: true, force: true });
}
