// Writes realistic candidate manifests for the benchmark: variants of the shipped candidates with
// other names and facts, in a mix that meets the minimum, fails it, or is incomplete.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../candidates/photo-management/', import.meta.url);
const bases = ['ente', 'photoprism', 'stingle'].map((name) => ({
  name,
  text: readFileSync(new URL(`${name}.yaml`, root), 'utf8'),
}));

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];

function replaceLine(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`bench generator: ${pattern} not in base manifest`);
  return text.replace(pattern, replacement);
}

/** One manifest; `kind` decides whether it should meet the minimum, fail it, or be incomplete. */
export function manifestText(index) {
  const next = random(index + 1);
  const roll = next();
  const kind = roll < 0.5 ? 'pass' : roll < 0.8 ? 'fail' : 'incomplete';
  const base = kind === 'pass' ? pick(next, bases.slice(0, 2)) : pick(next, bases);
  let text = replaceLine(base.text, /^name: .*$/m, (line) => `${line} (bench variant ${index})`);
  text = replaceLine(
    text,
    /^reviewed: .*$/m,
    `reviewed: 20${20 + Math.floor(next() * 6)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
  );
  text = replaceLine(
    text,
    /^ {2}free_plan_details: .*$/m,
    `  free_plan_details: ${1 + Math.floor(next() * 50)} GB free`,
  );
  if (kind === 'pass') {
    text = replaceLine(text, /^ {2}mfa: .*$/m, `  mfa: ${pick(next, ['[totp, fido2]', '[totp]', '[fido2, sms]'])}`);
    if (base.name === 'ente')
      text = replaceLine(
        text,
        /^ {2}license: .*$/m,
        `  license: ${pick(next, ['AGPL-3.0-only', 'GPL-3.0-or-later', 'MIT', 'Apache-2.0 OR MIT'])}`,
      );
  } else if (kind === 'fail') {
    text = replaceLine(text, /^ {2}mfa: .*$/m, `  mfa: ${pick(next, ['[]', '[sms]', '[email, push]'])}`);
    if (base.name !== 'photoprism')
      text = replaceLine(text, /^ {2}e2ee: .*$/m, `  e2ee: ${pick(next, ['none', 'optional', 'enforced'])}`);
  } else {
    // Leaving the MFA facts out makes the mfa criterion unknown: the candidate is incomplete.
    text = replaceLine(text, /^ {2}mfa: .*\n/m, '');
    text = replaceLine(text, /^ {2}passkey_login: .*\n/m, '');
    if (base.name === 'stingle') text = text.replace(/^ {2}e2ee: .*$/m, '  e2ee: enforced');
  }
  return text;
}

/** Writes `count` manifests into `directory` (created); returns the directory. */
export function generate(directory, count) {
  mkdirSync(directory, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    writeFileSync(join(directory, `candidate-${String(index).padStart(5, '0')}.yaml`), manifestText(index));
  }
  return directory;
}

/**
 * Writes `count` manifests of every shipped category into `directory`: the shipped candidates of
 * candidates/<set>/ in turn, each under another name, so a run loads every installed set (each
 * once) and evaluates real manifests of each, declared facts and `extends` included. With a
 * `category`, only that category's candidates.
 */
export function generateShipped(directory, count, category) {
  const sets = category
    ? [category]
    : readdirSync(new URL('../candidates/', import.meta.url), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
  const texts = sets.flatMap((set) => {
    const dir = new URL(`../candidates/${set}/`, import.meta.url);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => readFileSync(new URL(name, dir), 'utf8'));
  });
  mkdirSync(directory, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const text = replaceLine(texts[index % texts.length], /^name: .*$/m, (line) => `${line} (bench copy ${index})`);
    writeFileSync(join(directory, `shipped-${String(index).padStart(5, '0')}.yaml`), text);
  }
  return directory;
}

// `node bench/generate.js <directory> <count>`: the same manifests, for measuring by hand (bench/README.md).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [directory, count] = process.argv.slice(2);
  if (!directory || !/^\d+$/.test(count ?? '')) {
    console.error('usage: node bench/generate.js <directory> <count>');
    process.exitCode = 2;
  } else {
    generate(directory, Number(count));
  }
}
