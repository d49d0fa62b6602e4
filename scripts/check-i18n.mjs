// Lint step: the French and English catalogues (shared/src/i18n/<lang>.json and <lang>.<domain>.json) have
// the same keys file by file, no value is empty, no key is defined in two files of one language, and
// shared/src/i18n/index.ts imports every French catalogue file and en-catalog.ts every English one. Plural keys (docs/decisions/i18n.md): `<key>_<category>`
// with a CLDR category; the languages compare by base key, and each language has the forms its counts need
// (Intl.PluralRules over the counts 0..100000: one and other in French and English), none it does not use, and a
// key is never both plain and plural. `_many` is optional in French (millions: it falls back to `_other`).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';

const dir = path.join(ROOT, 'shared/src/i18n');
const keys = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : keys(v, `${prefix}${k}.`)));
const problems = [];
const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
/** English loads on use in the client (client/src/i18n/load-catalog.ts): its files are merged in en-catalog.ts. */
const enIndex = fs.readFileSync(path.join(dir, 'en-catalog.ts'), 'utf8');
const domains = fs
  .readdirSync(dir)
  .filter((f) => /^fr(\.[a-z0-9]+)?\.json$/.test(f))
  .map((f) => f.slice(2, -5));
const all = { fr: new Map(), en: new Map() };
const CATEGORY = /^(.+)_(zero|one|two|few|many|other)$/;
const TAG = { fr: 'fr-FR', en: 'en-GB' };
/** The categories a language has, and those the counts 0..100000 reach (the forms a plural key must have). */
function pluralNeeds(lang) {
  const rules = new Intl.PluralRules(TAG[lang]);
  const needed = new Set();
  for (let n = 0; n <= 100_000; n += n < 1000 ? 1 : 997) needed.add(rules.select(n));
  return { has: new Set(rules.resolvedOptions().pluralCategories), needed };
}
/** key -> { base, forms } : plain keys as they are, plural forms grouped under their base. */
function byBase(map, lang, file) {
  const { has, needed } = pluralNeeds(lang);
  const bases = new Map();
  for (const k of map.keys()) {
    const m = CATEGORY.exec(k);
    if (!m) {
      bases.set(k, bases.get(k) ?? null);
      continue;
    }
    if (!has.has(m[2])) problems.push(`${file}: ${k}: ${lang} has no plural category "${m[2]}"`);
    const forms = bases.get(m[1]) ?? new Set();
    forms.add(m[2]);
    bases.set(m[1], forms);
  }
  for (const [base, forms] of bases) {
    if (forms === null) continue;
    if (map.has(base)) problems.push(`${file}: ${base} is both a plain key and a plural key`);
    for (const c of needed) if (!forms.has(c)) problems.push(`${file}: plural key ${base} lacks the "${c}" form ${lang} needs (${base}_${c})`);
  }
  return bases;
}
for (const domain of domains) {
  for (const lang of ['fr', 'en']) {
    const file = `${lang}${domain}.json`;
    if (!fs.existsSync(path.join(dir, file))) problems.push(`missing catalogue ${file}`);
    else if (!(lang === 'fr' ? index : enIndex).includes(`'./${file}'`)) problems.push(`shared/src/i18n/${lang === 'fr' ? 'index' : 'en-catalog'}.ts does not import ${file}`);
    else if (lang === 'fr') {
      // The typed keys (TKey) are the French catalogues' leaves: each French file is listed in RawKey.
      const name = new RegExp(`import (\\w+) from '\\./${file.replaceAll('.', '\\.')}'`).exec(index)?.[1];
      if (!name || !index.includes(`Leaves<typeof ${name}>`)) problems.push(`shared/src/i18n/index.ts: add Leaves<typeof ${name ?? '?'}> to RawKey (typed keys of ${file})`);
    }
  }
  const load = (lang) => new Map(keys(JSON.parse(fs.readFileSync(path.join(dir, `${lang}${domain}.json`), 'utf8'))));
  const fr = load('fr');
  const en = load('en');
  const frBases = byBase(fr, 'fr', `fr${domain}.json`);
  const enBases = byBase(en, 'en', `en${domain}.json`);
  for (const k of frBases.keys()) if (!enBases.has(k)) problems.push(`missing in en${domain}.json: ${k}`);
  for (const k of enBases.keys()) if (!frBases.has(k)) problems.push(`missing in fr${domain}.json: ${k}`);
  for (const [k, forms] of frBases) if (enBases.has(k) && (forms === null) !== (enBases.get(k) === null)) problems.push(`${k} is plural in one language only (${domain || 'main'} catalogues)`);
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
const plurals = [...all.fr.keys()].filter((k) => k.endsWith('_other')).length;
console.log(`check-i18n: ${all.fr.size} keys in fr, ${all.en.size} in en, ${plurals} plural (${domains.length} catalogue pairs)`);
