// Refreshes the samples in docs/formats.md: each `<!-- sample: ARGS -->` comment is followed by a
// fenced block holding the stdout of `pgcheck ARGS`. `npm run docs:formats` runs it after a build;
// With --check it changes nothing and exits 1 when a sample is out of date (test/docs-formats.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withoutCheckout } from './checkout-placeholders.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const doc = new URL('../docs/formats.md', import.meta.url);
const SAMPLE = /<!-- sample: (.+?) -->\n````[a-z]*\n[\s\S]*?````/g;

function sampleOutput(args) {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...env } = process.env;
  const run = spawnSync(process.execPath, ['bin/pgcheck.js', ...args.split(' ')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, FORCE_COLOR: '0' },
  });
  return withoutCheckout(run.stdout);
}

function language(args) {
  const format = /--format (\w+)/.exec(args)?.[1] ?? 'table';
  return { json: 'json', sarif: 'json', junit: 'xml', html: 'html', markdown: 'markdown' }[format] ?? 'text';
}

const current = readFileSync(doc, 'utf8');
const fresh = current.replace(
  SAMPLE,
  (_match, args) => `<!-- sample: ${args} -->\n\`\`\`\`${language(args)}\n${sampleOutput(args)}\`\`\`\``,
);
if (process.argv.includes('--check')) {
  if (fresh !== current) {
    process.stderr.write('docs/formats.md: samples are out of date; run npm run docs:formats\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(doc, fresh);
}
