// The KPI import benchmark (sync-server/bench/kpi-import.ts, docs/performance.md "KPI import"): 50,000 rows of
// KPI values imported through the API against a plain batch insert of the same rows, ratio printed. Runnable
// alone (node scripts/bench-kpi-import.mjs [--rows N] [--backend pglite,postgres]); bench:kpi calls
// benchKpiImport(). Postgres: TEST_DATABASE_URL (a scratch database is made and dropped).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the bench in its own process; resolves with its exit code. */
export function benchKpiImport(args = []) {
  return run(process.execPath, ['--import', 'tsx', 'sync-server/bench/kpi-import.ts', ...args], { cwd: ROOT });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await benchKpiImport(process.argv.slice(2)));
}
