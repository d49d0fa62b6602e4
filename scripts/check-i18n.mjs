// Lint step: the French and English catalogues have the same keys, and no value is empty.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';

const dir = path.join(ROOT, 'shared/src/i18n');
const keys = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : keys(v, `${prefix}${k}.`)));
const load = (lang) => new Map(keys(JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8'))));
const fr = load('fr');
const en = load('en');
const problems = [];
for (const k of fr.keys()) if (!en.has(k)) problems.push(`missing in en.json: ${k}`);
for (const k of en.keys()) if (!fr.has(k)) problems.push(`missing in fr.json: ${k}`);
for (const [lang, map] of [['fr', fr], ['en', en]]) for (const [k, v] of map) if (!v.trim()) problems.push(`empty in ${lang}.json: ${k}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-i18n: ${fr.size} keys in fr and en`);
