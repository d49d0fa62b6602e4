// npm run bench:planning: the planning benchmark (e2e/bench/planning/run-planning.ts, docs/performance.md):
// week view render time and conflict detection in the worker on 5 000 missions and 20 000 assignments, in
// Debian's Chromium. Extra arguments pass through (--missions, --assignments, --users, --weeks, --steps).
// Exits 0 when the bench ran, whatever the figures (a missed target is printed as MISSED).
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const code = await run(process.execPath, ['--import', 'tsx', 'e2e/bench/planning/run-planning.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
process.exit(code);
