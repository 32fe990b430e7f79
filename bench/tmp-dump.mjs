import { Parser } from 'yaml';
const text = process.argv[2];
for (const tok of new Parser().parse(text)) console.log(JSON.stringify(tok, null, 1).replace(/\n\s*/g,' '));
