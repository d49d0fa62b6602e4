/**
 * KPI import bench (docs/performance.md, "KPI import"): 50,000 rows of KPI values in a CSV imported through the
 * real route (POST /api/v1/imports/kpi-values, then GET on the job until it ends: parsing, validation, the sync
 * core's writes with the KPI hooks, the job and the audit entry), then the same file again (every row
 * unchanged), against a plain batch insert of the same rows into the same table (kpi_values, multi-row INSERT of
 * 2,000 rows with change numbers allocated like store.ts). Prints the figures and the ratio.
 * Run alone: node --import tsx sync-server/bench/kpi-import.ts [--rows 50000] [--backend pglite|postgres]
 */
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { validateImportRows } from '@coulisses/shared/kpi/import/index';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config';
import { importKpis } from '../src/kpi/import/import-repo';
import { readSheet } from '../src/kpi/import/sheet';
import { startServer, type RunningServer } from '../src/server';
import { lockOrg, type Tx } from '../src/sync/store';
import { createScratchDatabase } from '../test/helpers/backends';

export interface KpiImportBenchOptions {
  rows: number;
  kpis: number;
  backend: 'pglite' | 'postgres';
  log(line: string): void;
}

export interface KpiImportBenchResult {
  backend: string;
  rows: number;
  csvBytes: number;
  importMs: number;
  reimportMs: number;
  parseMs: number;
  validateMs: number;
  baselineMs: number;
  ratio: number;
}

const now = () => performance.now();
const DAY = 86_400_000;

function kpiDoc(name: string): SyncDoc {
  return {
    id: uuidv7(), updatedAt: new Date().toISOString(), kind: 'kpi', name, archived: false, _deleted: false,
    data: { unit: 'nb', decimals: 1, frequency: 'DAILY', direction: 'UP_IS_BETTER', target: 50, thresholds: { kind: 'ABSOLUTE', green: 50, orange: 40 }, aggregation: 'SUM', source: 'IMPORT', active: true, gracePeriodDays: 1 },
  } as SyncDoc;
}

/** One value a row: KPIs by name, consecutive days from 2020-01-01, French decimals (as French Excel writes them). */
function csvOf(names: readonly string[], rows: number): string {
  const out = ['Indicateur;Date;Valeur'];
  const perKpi = Math.ceil(rows / names.length);
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < rows; i++) {
    const name = names[Math.floor(i / perKpi)]!;
    const d = new Date(start + (i % perKpi) * DAY);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    out.push(`${name};${date};${(i % 97) + 0.5}`.replace('.', ','));
  }
  return out.join('\r\n') + '\r\n';
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email: 'manager@coulisses.demo', password: 'coulisses2026' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function importOnce(url: string, cookie: string, csv: string): Promise<{ ms: number; job: Record<string, unknown> }> {
  const t0 = now();
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
  form.set('mapping', JSON.stringify({ kpi: 0, period: 1, value: 2 }));
  form.set('mode', 'ALL_OR_NOTHING');
  const res = await fetch(`${url}/api/v1/imports/kpi-values`, { method: 'POST', body: form, headers: { cookie, origin: url } });
  if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  for (;;) {
    const r = await fetch(`${url}/api/v1/imports/jobs/${job.id}`, { headers: { cookie, origin: url } });
    const body = (await r.json()) as { job: Record<string, unknown> };
    if (body.job.status === 'SUCCESS' || body.job.status === 'FAILED') return { ms: now() - t0, job: body.job };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The baseline: the same rows as plain documents, inserted 2,000 at a time in one transaction. */
async function plainInsert(running: RunningServer, orgId: string, kpiIds: readonly string[], rows: number): Promise<number> {
  const { sql } = running.deps.db;
  const perKpi = Math.ceil(rows / kpiIds.length);
  const stamp = new Date().toISOString();
  const docs = Array.from({ length: rows }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % perKpi) * DAY).toISOString().slice(0, 10);
    return { id: uuidv7(), updatedAt: stamp, kpiId: kpiIds[Math.floor(i / perKpi)]!, periodStart: day, periodEnd: day, value: (i % 97) + 0.5, enteredAt: stamp, status: null, enteredByAccountId: null, history: [] };
  });
  const t0 = now();
  await sql.begin(async (t) => {
    const tx = t as unknown as Tx;
    await lockOrg(tx, orgId);
    const [row] = await tx<{ last_seq: string }[]>`update org_sync_state set last_seq = last_seq + ${docs.length} where org_id = ${orgId} returning last_seq`;
    let seq = Number(row?.last_seq) - docs.length;
    for (let i = 0; i < docs.length; i += 2000) {
      const part = docs.slice(i, i + 2000).map((d) => ({ org_id: orgId, id: d.id, seq: ++seq, deleted: false, doc: tx.json(d as never), updated_by: null }));
      await tx`insert into kpi_values ${tx(part, 'org_id', 'id', 'seq', 'deleted', 'doc', 'updated_by')}`;
    }
  });
  return now() - t0;
}

export async function runKpiImportBench(opts: KpiImportBenchOptions): Promise<KpiImportBenchResult> {
  const scratch = opts.backend === 'postgres' ? await createScratchDatabase() : undefined;
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const config: Config = { ...base, databaseUrl: scratch?.url, dataDir: 'memory://', seedDemo: 'always' };
  const running = await startServer(config, pino({ level: 'warn' }));
  try {
    const { sql } = running.deps.db;
    const [org] = await sql<{ id: string }[]>`select id from auth_organization where slug = 'grand-plateau'`;
    const orgId = org!.id;
    const kpis = Array.from({ length: opts.kpis }, (_, i) => kpiDoc(`Indicateur bench ${String(i + 1).padStart(3, '0')}`));
    const baselineKpis = Array.from({ length: opts.kpis }, (_, i) => kpiDoc(`Indicateur plain ${String(i + 1).padStart(3, '0')}`));
    await running.deps.sync.transaction(orgId, async (tx) => {
      for (const d of [...kpis, ...baselineKpis]) await tx.write('reference', d, { before: undefined, accountId: null, viewer: null });
    });
    const csv = csvOf(kpis.map((k) => String(k.name)), opts.rows);
    const bytes = new TextEncoder().encode(csv);
    opts.log(`kpi-import/${opts.backend}: ${opts.rows} rows, ${opts.kpis} KPIs, CSV ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    let t0 = now();
    const sheet = await readSheet(bytes);
    const parseMs = now() - t0;
    const { kpis: defs } = await importKpis(sql, orgId);
    t0 = now();
    const checked = validateImportRows(sheet.rows, { kpi: 0, period: 1, value: 2 }, defs, sheet.columns);
    const validateMs = now() - t0;
    if (checked.errors.length > 0) throw new Error(`bench rows refused: ${JSON.stringify(checked.errors.slice(0, 3))}`);

    const cookie = await signIn(running.url);
    const first = await importOnce(running.url, cookie, csv);
    if (first.job.status !== 'SUCCESS' || first.job.imported !== opts.rows) throw new Error(`import: ${JSON.stringify(first.job)}`);
    opts.log(`kpi-import/${opts.backend}: import ${(first.ms / 1000).toFixed(2)} s`);
    const again = await importOnce(running.url, cookie, csv);
    if (again.job.unchanged !== opts.rows) throw new Error(`re-import: ${JSON.stringify(again.job)}`);
    opts.log(`kpi-import/${opts.backend}: re-import ${(again.ms / 1000).toFixed(2)} s`);
    const baselineMs = await plainInsert(running, orgId, baselineKpis.map((k) => k.id), opts.rows);
    opts.log(`kpi-import/${opts.backend}: plain batch insert ${(baselineMs / 1000).toFixed(2)} s`);
    return { backend: opts.backend, rows: opts.rows, csvBytes: bytes.length, importMs: first.ms, reimportMs: again.ms, parseMs, validateMs, baselineMs, ratio: first.ms / baselineMs };
  } finally {
    await running.close();
    await scratch?.drop();
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  const backends = arg('backend', 'pglite').split(',') as ('pglite' | 'postgres')[];
  for (const backend of backends) {
    const r = await runKpiImportBench({ rows: Number(arg('rows', '50000')), kpis: Number(arg('kpis', '100')), backend, log: (l) => console.log(l) });
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`\nKPI import, ${r.rows} rows (${(r.csvBytes / 1024 / 1024).toFixed(1)} MB CSV), ${r.backend}`);
    console.log(`  import through the API (parse, check, sync core writes, job, audit): ${s(r.importMs)}  (${Math.round(r.rows / (r.importMs / 1000))} rows/s)`);
    console.log(`    of which CSV parse ${s(r.parseMs)}, row validation ${s(r.validateMs)} (measured alone)`);
    console.log(`  re-import of the same file (all unchanged): ${s(r.reimportMs)}`);
    console.log(`  plain batch insert of the same rows: ${s(r.baselineMs)}`);
    console.log(`  ratio import / plain insert: ${r.ratio.toFixed(1)}x`);
  }
}
