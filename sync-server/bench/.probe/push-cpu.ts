import { checkWrite, entityByName, sameValue, type EntityDef, type SyncDoc } from '@coulisses/shared';
import pino from 'pino';
import postgres from 'postgres';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { applyPush } from '../../src/sync/push';
import { resolveViewer } from '../../src/sync/viewer';
import { pushRows, chunks } from '../lib/push-rows';
const backend = process.argv[2] ?? 'postgres';
let url: string | undefined; let drop = async () => {};
if (backend === 'postgres') {
  const name = `cc_probe_${process.pid}`;
  const a = postgres('postgres://postgres@127.0.0.1:5432/test', { max: 1, onnotice: () => {} });
  await a.unsafe(`create database ${name}`); await a.end();
  url = `postgres://postgres@127.0.0.1:5432/${name}`;
  drop = async () => { const b = postgres('postgres://postgres@127.0.0.1:5432/test', { max: 1, onnotice: () => {} }); await b.unsafe(`drop database ${name} with (force)`); await b.end(); };
}
const base = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
const running = await startServer({ ...base, databaseUrl: url, dataDir: 'memory://', seedDemo: 'always' }, pino({ level: 'warn' }));
const { sql } = running.deps.db;
const [org] = await sql<{ id: string }[]>`select id from auth_organization where slug = 'grand-plateau'`;
const [acc] = await sql<{ id: string }[]>`select id from auth_user where email = 'manager@coulisses.demo'`;
const ctx = await resolveViewer(sql, { accountId: acc!.id, email: '', name: '', sessionId: '', activeOrgId: org!.id, role: 'MANAGER' });
const M = entityByName('missions') as EntityDef;
const rows = pushRows('insert', 2000, 77, 0) as { newDocumentState: SyncDoc }[];
let t = performance.now();
for (const part of chunks(rows, 500)) await applyPush(sql, ctx, M, part);
console.log(backend, 'applyPush insert 2000 ms', (performance.now() - t).toFixed(0));
// CPU-only part: zod + policy per row
t = performance.now();
for (const r of rows) { const { _deleted, ...f } = r.newDocumentState; M.schema.safeParse(f); checkWrite(M, ctx.viewer, ctx.facts, undefined, r.newDocumentState); }
console.log('zod+checkWrite 2000 rows ms', (performance.now() - t).toFixed(0));
const up = pushRows('update', 2000, 77, 0) as { assumedMasterState: SyncDoc; newDocumentState: SyncDoc }[];
t = performance.now();
for (const r of up) { sameValue(r.assumedMasterState, r.assumedMasterState); const { _deleted, ...f } = r.newDocumentState; M.schema.safeParse(f); checkWrite(M, ctx.viewer, ctx.facts, r.assumedMasterState, r.newDocumentState); sameValue(r.newDocumentState, r.assumedMasterState); }
console.log('update CPU (sameValue x2 + zod + checkWrite) 2000 rows ms', (performance.now() - t).toFixed(0));
// round trips: 2 per row like writeRow
t = performance.now();
await sql.begin(async (tx) => { for (let i = 0; i < 1000; i++) await tx`select 1`; });
console.log('1000 sequential trivial queries in a tx ms', (performance.now() - t).toFixed(0));
t = performance.now();
for (const part of chunks(up, 500)) await applyPush(sql, ctx, M, part);
console.log(backend, 'applyPush update 2000 ms', (performance.now() - t).toFixed(0));
await running.close(); await drop();
