// npm run bench:kpi: the KPI benchmark (e2e/bench/kpi/run-kpi.ts, docs/performance.md): statuses and year-to-date
// aggregates of 500 weekly KPIs x 5 years in the app's KPI worker, and the direction view render, in Debian's
// Chromium, each against a baseline of the same run. Then the import part (scripts/bench-kpi-import.mjs) when it
// is there. Extra arguments pass through to the runner (--kpis, --years, --today, --runs, --render-runs).
// Exits 0 when the bench ran, whatever the figures (a missed target is printed as MISSED).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
let code = await run(process.execPath, ['--import', 'tsx', 'e2e/bench/kpi/run-kpi.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
const importBench = path.join(ROOT, 'scripts/bench-kpi-import.mjs');
if (fs.existsSync(importBench)) {
  console.log('');
  const importCode = await run(process.execPath, [importBench], { cwd: ROOT, env });
  code = code || importCode;
}
process.exit(code);
