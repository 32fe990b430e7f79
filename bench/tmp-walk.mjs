import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, LineCounter } from 'yaml';
import { parsePlainYaml } from '../dist/load/plain-yaml.js';
import { withDefaults } from '../dist/load/limits.js';
const limits = withDefaults();
const dir = process.argv[2];
const texts = readdirSync(dir).filter(n=>n.endsWith('.yaml')).sort().map(n=>readFileSync(join(dir,n),'utf8'));
const t = {}; const add=(k,v)=>t[k]=(t[k]??0)+v;
for (let pass=0;pass<6;pass++) for (const text of texts) {
  let a=performance.now(); const lc=new LineCounter(); Array.from(new Parser(lc.addNewLine).parse(text)); let b=performance.now(); if(pass>=3) add('cst',b-a);
  a=b; parsePlainYaml(text, new LineCounter(), limits); b=performance.now(); if(pass>=3) add('plain',b-a);
}
for (const [k,v] of Object.entries(t)) console.log(k, (v/3/texts.length*1000).toFixed(0), 'us');
