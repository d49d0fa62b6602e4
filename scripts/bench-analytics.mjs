// npm run bench:analytics: the analytics benchmarks (docs/performance.md, "Analytics"), a list of measurements run
// one after the other, each a tsx script printing its figures and MET/MISSED lines:
//   1. the direction dashboard over 100,000 hours rows in a real worker in Chromium (e2e/bench/analytics/run-analytics.ts);
//   2. the warehouse refresh delay after a write (target <= 60 s), end to end on the real server:
//      e2e/bench/analytics/run-lag.ts, run once the warehouse refresh (sync-server/src/analytics/refresh.ts) is there;
//   3. the PDF export of the dashboard (target <= 3 s): e2e/bench/analytics/run-pdf.ts, on top of
//      client/src/exports/pdf.ts (the exports part).
// A measurement whose script or module is not there yet is printed as SKIPPED with what it waits for. Extra
// arguments pass through to every script (--runs N). Exits 0 when the benches ran, whatever the figures.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const MEASUREMENTS = [
  { name: 'dashboard in the worker (Chromium)', script: 'e2e/bench/analytics/run-analytics.ts', needs: [] },
  { name: 'warehouse refresh delay after a write', script: 'e2e/bench/analytics/run-lag.ts', needs: ['sync-server/src/analytics/refresh.ts'] },
  { name: 'PDF export of the dashboard', script: 'e2e/bench/analytics/run-pdf.ts', needs: ['client/src/exports/pdf.ts'] },
];

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
let failed = 0;
for (const m of MEASUREMENTS) {
  const missing = [m.script, ...m.needs].filter((f) => !fs.existsSync(path.join(ROOT, f)));
  console.log(`\n== ${m.name}`);
  if (missing.length > 0) {
    console.log(`SKIPPED ${m.name}: waiting for ${missing.join(', ')}`);
    continue;
  }
  const code = await run(process.execPath, ['--import', 'tsx', m.script, ...process.argv.slice(2)], { cwd: ROOT, env });
  if (code !== 0) failed = code;
}
process.exit(failed);
