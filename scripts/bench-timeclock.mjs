// npm run bench:timeclock: the time clock benchmark (e2e/bench/timeclock/run-timeclock.ts, docs/performance.md):
// timesheets of one month (200 people, about 20 000 punches) computed by the app's time clock worker in Debian's
// Chromium, against a plain loop over the same punches. Extra arguments pass through (--users, --days, --from,
// --work-rate, --runs). Exits 0 when the bench ran, whatever the figures (a missed target is printed as MISSED).
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const code = await run(process.execPath, ['--import', 'tsx', 'e2e/bench/timeclock/run-timeclock.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
process.exit(code);
