/**
 * npm run bench:sync: the sync benchmarks B1 to B4 (docs/performance.md). Prints, per bench, ratios against
 * baselines measured in the same run plus the absolute figures, then MET / MISSED per target. Targets are
 * not timed tests: the exit code is 0 whatever the figures (1 only when the harness itself broke).
 *
 *   --only B1,B2,B3,B4        run a subset (B1 and B4 share one browser run)
 *   --backends pglite,postgres server databases for B2 and B3 (Postgres skipped when it does not answer)
 *   --browser-backend postgres the server database behind the Chromium benches B1 and B4
 *   --b2-clients 100,1000     B2's numbers of stream clients, one phase each (default 100,1000)
 *   --quick                   smaller sizes, to try the harness
 *   --b3-collections a,b     B3's collections (default missions,assignments,users,timesheets,field_events)
 *   --b3-docs N               B3's documents per phase and path (default 5000)
 *   --wait-quiet SECONDS      before each bench, wait up to SECONDS for the 1-minute load average to drop
 *                             under half the core count (other work on the machine skews every figure)
 */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { runBrowserBench } from '../../e2e/bench/browser-bench';
import { B2_DEFAULTS, runB2 } from './b2-stream';
import { B3_DEFAULTS, runB3 } from './b3-push';
import type { BenchCollection } from './lib/collection-docs';
import type { Backend } from './lib/protocol';
import { postgresAvailable } from './lib/remote';
import { printResult, printSummary, type BenchResult } from './lib/report';
import { say } from './lib/out';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const only = new Set((arg('only') ?? 'B1,B2,B3,B4').split(',').map((s) => s.trim().toUpperCase()));
const wanted = (arg('backends') ?? 'pglite,postgres').split(',').map((s) => s.trim()) as Backend[];
const browserBackend = (arg('browser-backend') ?? 'postgres') as Backend;
const b2Clients = arg('b2-clients')?.split(',').map(Number).filter((n) => n > 0);

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const log = (line: string) => process.stderr.write(`[bench ${elapsed()}] ${line}\n`);

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const hasPostgres = await postgresAvailable();
const backends = wanted.filter((b) => b !== 'postgres' || hasPostgres);

say('Coulisses Crew sync benchmarks');
say(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; ${chromiumVersion()}`);
say(`backends: ${backends.join(', ')}${hasPostgres ? '' : ' (Postgres does not answer)'}; ${quick ? 'QUICK sizes' : 'full sizes'}; ${new Date().toISOString()}`);

const results: BenchResult[] = [];
const done = (r: BenchResult) => {
  results.push(r);
  printResult(r);
};

const waitQuiet = Number(arg('wait-quiet') ?? 0);
async function quiet(): Promise<void> {
  const limit = os.cpus().length / 2;
  const until = performance.now() + waitQuiet * 1000;
  let said = false;
  while (os.loadavg()[0]! > limit && performance.now() < until) {
    if (!said) log(`load average ${os.loadavg()[0]!.toFixed(1)} > ${limit}: waiting (up to ${waitQuiet} s) for a quieter machine`);
    said = true;
    await new Promise((r) => setTimeout(r, 5000));
  }
}

if (only.has('B3')) {
  for (const backend of backends) {
    await quiet();
    const b3Collections = arg('b3-collections')?.split(',').map((s) => s.trim()) as BenchCollection[] | undefined;
    const b3Docs = arg('b3-docs') ? Number(arg('b3-docs')) : undefined;
    done(await runB3(backend, { ...B3_DEFAULTS, ...(quick ? { docs: 1000, conflictDocs: 500 } : {}), ...(b3Docs ? { docs: b3Docs } : {}), ...(b3Collections ? { collections: b3Collections } : {}), log }));
  }
}
if (only.has('B2')) {
  for (const backend of backends) {
    await quiet();
    done(await runB2(backend, { ...B2_DEFAULTS, ...(quick ? { clients: [20, 100], writes: 30 } : {}), ...(b2Clients ? { clients: b2Clients } : {}), log }));
  }
}
if (only.has('B1') || only.has('B4')) {
  if (browserBackend === 'postgres' && !hasPostgres) {
    log('browser benches: Postgres does not answer, running them on PGlite');
  }
  const backend: Backend = browserBackend === 'postgres' && !hasPostgres ? 'pglite' : browserBackend;
  await quiet();
  const [b1, b4] = await runBrowserBench({ backend, docs: quick ? 5000 : 50_000, pullBatchSize: 500, edits: 50, inserts: 10, skipB4: !only.has('B4'), log });
  if (only.has('B1')) done(b1!);
  if (only.has('B4')) done(b4!);
}

printSummary(results);
say(`\ntotal ${elapsed()}`);
process.exit(results.some((r) => r.error) ? 1 : 0);
