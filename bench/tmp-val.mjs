import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../dist/load/source.js';
import { manifestFromYaml } from '../dist/load/manifest.js';
const dir = process.argv[2];
const parsed = readdirSync(dir).filter(n=>n.endsWith('.yaml')).sort().map(n=>parseYaml(n, readFileSync(join(dir,n),'utf8')));
let t=0;
for (let pass=0;pass<8;pass++){ const a=performance.now(); for (const p of parsed) manifestFromYaml(p); if(pass>=3) t+=performance.now()-a; }
console.log('validate', (t/5/parsed.length*1000).toFixed(0),'us');
