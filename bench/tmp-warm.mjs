import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
const dir = process.argv[2]; const mode = process.argv[3];
const files = readdirSync(dir).filter(n=>n.endsWith('.yaml')).sort().map(n=>join(dir,n));
let marks = [];
const { evaluateFiles } = await import('../dist/index.js');
const t0 = performance.now();
if (mode === 'floor') {
  files.forEach((f,i)=>{ parse(readFileSync(f,'utf8')); if ((i+1)%100===0) marks.push(performance.now()); });
} else {
  let i = 0;
  await evaluateFiles(files, { asOf: '2026-08-01', jobs: 1, onProgress: (d) => { if (d>0 && d%100===0 && d!==i) { i=d; marks.push(performance.now()); } } });
}
let prev = t0; console.log(mode, marks.map(m=>{const d=(m-prev).toFixed(0); prev=m; return d;}).join(' '));
