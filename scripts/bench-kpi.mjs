// npm run bench:kpi: the KPI benchmark (docs/performance.md, "KPI" and "KPI import"): statuses and year-to-date
// aggregates of 500 weekly KPIs x 5 years in the app's KPI worker and the direction view render, in Debian's
// Chromium (e2e/bench/kpi/run-kpi.ts), each against a baseline of the same run; then the import of 50,000 rows
// against a plain batch insert (scripts/bench-kpi-import.mjs). Extra arguments pass through to the first part
// (--kpis, --years, --today, --runs, --render-runs). Exits 0 when the benches ran, whatever the figures (a missed
// target is printed as MISSED).
import { benchKpiImport } from './bench-kpi-import.mjs';
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const code = await run(process.execPath, ['--import', 'tsx', 'e2e/bench/kpi/run-kpi.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
console.log('');
const importCode = await benchKpiImport();
process.exit(code || importCode);
