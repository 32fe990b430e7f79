import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, LineCounter, parse } from 'yaml';
import { parseYaml } from '../dist/load/source.js';
const dir = process.argv[2];
const texts = readdirSync(dir).filter(n=>n.endsWith('.yaml')).sort().map(n=>readFileSync(join(dir,n),'utf8'));
const t = {}; const add=(k,v)=>t[k]=(t[k]??0)+v;
for (let pass=0;pass<5;pass++) for (const text of texts) {
  let a=performance.now(); parseYaml('x', text); let b=performance.now(); if(pass>=2) add('parseYaml',b-a);
  a=b; const lc=new LineCounter(); const p=new Parser(lc.addNewLine); let n=0; for (const tok of p.parse(text)) n++; b=performance.now(); if(pass>=2) add('parser+lc',b-a);
  a=b; parse(text); b=performance.now(); if(pass>=2) add('parse',b-a);
}
for (const [k,v] of Object.entries(t)) console.log(k, (v/3/texts.length*1000).toFixed(0), 'us');
