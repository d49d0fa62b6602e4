// Lint step: the French and English catalogues (shared/src/i18n/<lang>.json and <lang>.<domain>.json) have
// the same keys file by file, no value is empty, no key is defined in two files of one language, and
// shared/src/i18n/index.ts imports every catalogue file.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';

const dir = path.join(ROOT, 'shared/src/i18n');
const keys = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : keys(v, `${prefix}${k}.`)));
const problems = [];
const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
const domains = fs
  .readdirSync(dir)
  .filter((f) => /^fr(\.[a-z]+)?\.json$/.test(f))
  .map((f) => f.slice(2, -5));
const all = { fr: new Map(), en: new Map() };
for (const domain of domains) {
  for (const lang of ['fr', 'en']) {
    const file = `${lang}${domain}.json`;
    if (!fs.existsSync(path.join(dir, file))) problems.push(`missing catalogue ${file}`);
    else if (!index.includes(`'./${file}'`)) problems.push(`shared/src/i18n/index.ts does not import ${file}`);
  }
  const load = (lang) => new Map(keys(JSON.parse(fs.readFileSync(path.join(dir, `${lang}${domain}.json`), 'utf8'))));
  const fr = load('fr');
  const en = load('en');
  for (const k of fr.keys()) if (!en.has(k)) problems.push(`missing in en${domain}.json: ${k}`);
  for (const k of en.keys()) if (!fr.has(k)) problems.push(`missing in fr${domain}.json: ${k}`);
  for (const [lang, map] of [['fr', fr], ['en', en]]) {
    for (const [k, v] of map) {
      if (!v.trim()) problems.push(`empty in ${lang}${domain}.json: ${k}`);
      if (all[lang].has(k)) problems.push(`${k} is in ${all[lang].get(k)} and ${lang}${domain}.json`);
      all[lang].set(k, `${lang}${domain}.json`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-i18n: ${all.fr.size} keys in fr and en (${domains.length} catalogue pairs)`);
