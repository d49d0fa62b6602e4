// npm run bench:sync: the sync benchmarks B1 to B4 (docs/performance.md). Runs sync-server/bench/run-sync.ts
// with tsx; extra arguments pass through (--only B2,B3, --backends pglite, --browser-backend pglite, --quick).
// Exits 0 when the benches ran, whatever the figures (a missed target is printed as MISSED, not failed).
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const code = await run(process.execPath, ['--import', 'tsx', 'sync-server/bench/run-sync.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
process.exit(code);
