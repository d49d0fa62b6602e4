// The bundle budget (docs/performance.md, "App size and cold open"): the gzip size of the JavaScript a screen
// loads before it can draw, read from Vite's manifest (client/dist/.vite/manifest.json): the entry chunk, the
// route chunk of the screen, and their static imports, transitively. Dynamic imports (other routes, jsPDF, the
// charts) and web workers are not counted: they load when used. Prints the crew's first screen (My missions on a
// phone) against the target of issue 14 (200 kB: MET or MISSED), and the planner's and the kiosk's first screens.
// Fails (exit 1) when the crew's first screen is above the budget: the ceiling the app fits today (the libraries
// the first screen cannot do without, React DOM, the router, RxDB, Dexie, mingo, rxjs and zod, weigh about 190 kB), so that no change makes
// it heavier unnoticed; lower it when the app gets lighter, down to the target.
// Usage: node scripts/check-bundle.mjs [--budget <kB> | --budget none]   (builds the client first when its sources
// changed; `none`: the target only, as `npm run bench` runs it)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, ensureClientBuild } from './lib/client-build.mjs';

const DIST = path.join(ROOT, 'client', 'dist');
const MANIFEST = path.join(DIST, '.vite', 'manifest.json');
const budgetArg = process.argv.indexOf('--budget');
/** kB of gzip (1 kB = 1000 bytes, as Vite prints them). */
const TARGET_KB = 200;
const BUDGET_KB = budgetArg < 0 ? 320 : process.argv[budgetArg + 1] === 'none' ? Infinity : Number(process.argv[budgetArg + 1]);

/** The first screen of each role: the route module it opens on (src paths as the manifest names them). */
const SCREENS = [
  { name: 'crew (My missions, phone)', route: 'src/pages/my-missions/MyMissionsPage.tsx', budget: true },
  { name: 'planner (Planning calendar)', route: 'src/pages/planning/PlanningPage.tsx', budget: false },
  { name: 'kiosk (kiosk app)', route: 'src/kiosk/KioskApp.tsx', budget: false },
];

await ensureClientBuild();
if (!fs.existsSync(MANIFEST)) {
  console.error(`check-bundle: ${path.relative(ROOT, MANIFEST)} is missing (client/vite.config.ts needs build.manifest: true)`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
if (!entryKey) {
  console.error('check-bundle: no index.html entry in the manifest');
  process.exit(1);
}

/** A chunk and its static imports, transitively (manifest keys). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`check-bundle: ${key} is not in the manifest (renamed? update SCREENS)`);
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const gzipCache = new Map();
function gzipBytes(file) {
  if (!gzipCache.has(file)) {
    const raw = fs.readFileSync(path.join(DIST, file));
    gzipCache.set(file, { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length });
  }
  return gzipCache.get(file);
}

function measure(keys) {
  let raw = 0;
  let gzip = 0;
  const files = [...new Set([...keys].map((k) => manifest[k].file))].filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const size = gzipBytes(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { files: files.length, raw, gzip };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const entry = measure(closure(entryKey));
const allJs = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
const everything = measure(new Set(Object.keys(manifest).filter((k) => manifest[k].file.endsWith('.js'))));
console.log(`Bundle budget (gzip level 9 of the JavaScript loaded before the first screen draws; ${allJs.length} chunks in all, ${kb(everything.gzip)} gzip)`);
console.log(`  entry and its static imports: ${entry.files} files, ${kb(entry.raw)}, ${kb(entry.gzip)} gzip`);
let failed = false;
for (const screen of SCREENS) {
  const keys = closure(entryKey, closure(screen.route));
  const size = measure(keys);
  const target = size.gzip <= TARGET_KB * 1000 ? 'MET' : 'MISSED';
  const verdict = screen.budget ? `  target <= ${TARGET_KB} kB: ${target} (${(size.gzip / 1000 / TARGET_KB).toFixed(2)}x)${Number.isFinite(BUDGET_KB) ? `; budget ${BUDGET_KB} kB` : ''}` : '';
  console.log(`  ${screen.name.padEnd(30)} ${String(size.files).padStart(3)} files, ${kb(size.raw).padStart(9)}, ${kb(size.gzip).padStart(9)} gzip${verdict}`);
  if (screen.budget && size.gzip > BUDGET_KB * 1000) failed = true;
}
if (failed) {
  console.error(
    `check-bundle: OVER BUDGET: the crew's first screen loads more than ${BUDGET_KB} kB of gzip JavaScript. Load the new code on use ` +
      '(a lazy route in client/src/app/pages.ts, a dynamic import() for a heavy library) instead of importing it statically.',
  );
  process.exit(1);
}
