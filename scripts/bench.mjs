// npm run bench: every benchmark suite of the project, one after the other. Sync, planning, time
// clock, KPI and analytics suites (scripts/bench-*.mjs); arguments pass through to each suite.
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const SUITES = ['scripts/bench-sync.mjs', 'scripts/bench-planning.mjs', 'scripts/bench-timeclock.mjs', 'scripts/bench-kpi.mjs', 'scripts/bench-analytics.mjs'];
let failed = 0;
for (const suite of SUITES) {
  const code = await run(process.execPath, [suite, ...process.argv.slice(2)], { cwd: ROOT });
  if (code !== 0) failed = code;
}
process.exit(failed);
