/**
 * The server host of the benches, run as a child process (node --import tsx): starts the real sync server
 * (startServer: migrations, demo seed, HTTP on a random port) on PGlite in memory or on the Postgres
 * database given in DATABASE_URL, then answers the parent's commands on the IPC channel (seeding, direct
 * applyPush and plain upsert timings, feed statistics). Keeping the server in its own process means the
 * bench clients never share its event loop.
 */
import { entityByName, type EntityDef, type SyncDoc } from '@coulisses/shared';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import type { OrgCaller } from '../../src/http/context';
import { startServer, type RunningServer } from '../../src/server';
import { lockOrg, type Tx } from '../../src/sync/store';
import { resolveViewer } from '../../src/sync/viewer';
import type { Sql } from '../../src/db/connect';
import { refDocs, type BenchCollection } from './collection-docs';
import { missionDocs } from './docs';
import type { Backend, Command, HostInfo, HostMessage, PushTiming, Replies, Request } from './protocol';
import { chunks, phaseDocs, pushRows } from './push-rows';

const send = (m: HostMessage) => process.send?.(m);

const ORG_SLUG = 'grand-plateau';

/**
 * Writes documents straight into the entity table, with change numbers allocated the way store.ts does
 * (the organisation's row locked, last_seq bumped), as one multi-row insert per chunk. `upsert` replaces
 * existing rows (INSERT ... ON CONFLICT DO UPDATE), the plain baseline of the push bench.
 */
async function writeDirect(sql: Sql, orgId: string, docs: readonly Record<string, unknown>[], accountId: string | null, upsert: boolean, chunk = 2000, collection: BenchCollection = 'missions'): Promise<number> {
  let lastSeq = 0;
  await sql.begin(async (t) => {
    const tx = t as unknown as Tx;
    await lockOrg(tx, orgId);
    const [row] = await tx<{ last_seq: string }[]>`
      update org_sync_state set last_seq = last_seq + ${docs.length} where org_id = ${orgId} returning last_seq`;
    lastSeq = Number(row?.last_seq);
    let seq = lastSeq - docs.length;
    for (const part of chunks(docs, chunk)) {
      const rows = part.map((d) => ({ org_id: orgId, id: String(d.id), seq: ++seq, deleted: false, doc: tx.json(d as never), updated_by: accountId }));
      if (upsert) {
        await tx`
          insert into ${tx(collection)} ${tx(rows, 'org_id', 'id', 'seq', 'deleted', 'doc', 'updated_by')}
          on conflict (org_id, id) do update
            set seq = excluded.seq, deleted = excluded.deleted, doc = excluded.doc,
                server_updated_at = now(), updated_by = excluded.updated_by`;
      } else {
        await tx`insert into ${tx(collection)} ${tx(rows, 'org_id', 'id', 'seq', 'deleted', 'doc', 'updated_by')}`;
      }
    }
  });
  return lastSeq;
}

async function main(): Promise<void> {
  const backend = (process.env.BENCH_BACKEND ?? 'pglite') as Backend;
  // BENCH_PORT: a fixed port (several benches sharing a machine each keep to their own); a free one by default.
  const base = loadConfig({ NODE_ENV: 'test', PORT: process.env.BENCH_PORT ?? '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const config: Config = {
    ...base,
    databaseUrl: backend === 'postgres' ? process.env.BENCH_DATABASE_URL : undefined,
    dataDir: 'memory://',
    seedDemo: 'always',
    // B3 measures the push alone: the refresh jobs its writes queue (analytics, automatic KPIs) wait, as they would
    // for another instance, instead of sharing the database with the measured batches.
    jobRunner: process.env.BENCH_JOB_RUNNER === 'off' ? false : base.jobRunner,
    clientDist: process.env.BENCH_CLIENT_DIST ?? base.clientDist,
  };
  const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  let running: RunningServer;
  try {
    running = await startServer(config, logger);
  } catch (err) {
    send({ kind: 'failed', error: (err as Error).stack ?? String(err) });
    process.exit(1);
  }
  const { sql } = running.deps.db;
  const [org] = await sql<{ id: string }[]>`select id from auth_organization where slug = ${ORG_SLUG}`;
  const accounts = Object.fromEntries((await sql<{ id: string; email: string }[]>`select id, email from auth_user`).map((r) => [r.email, r.id]));
  const orgId = org!.id;

  let emits = 0;
  const emitsByCollection: Record<string, number> = {};
  running.deps.feed.subscribe(orgId, (collections) => {
    emits += 1;
    for (const c of collections) emitsByCollection[c] = (emitsByCollection[c] ?? 0) + 1;
  });

  const callerOf = (email: string): OrgCaller => {
    const accountId = accounts[email];
    if (!accountId) throw new Error(`no account ${email}`);
    return { accountId, email, name: email, sessionId: 'bench', activeOrgId: orgId, role: email.startsWith('admin') ? 'ADMIN' : email.startsWith('tech') ? 'TECH' : 'MANAGER' };
  };

  const handlers: { [K in Command['cmd']]: (c: Extract<Command, { cmd: K }>) => Promise<Replies[K]> } = {
    async seed(c) {
      const docs = missionDocs(c.count, c.seed, c.from);
      const t0 = performance.now();
      const lastSeq = await writeDirect(sql, orgId, docs, null, false);
      return { ms: performance.now() - t0, lastSeq };
    },
    async seedRefs() {
      const t0 = performance.now();
      const refs = refDocs();
      await writeDirect(sql, orgId, refs.users, null, true, 2000, 'users');
      await writeDirect(sql, orgId, refs.missions, null, true, 2000, 'missions');
      return { ms: performance.now() - t0 };
    },
    async count(c) {
      const [row] = await sql<{ n: string }[]>`select count(*) as n from ${sql(c.collection)} where org_id = ${orgId} and not deleted`;
      return { live: Number(row?.n ?? 0) };
    },
    async plainUpsert(c) {
      const collection = c.collection ?? 'missions';
      const docs = phaseDocs(collection, c.mode, c.count, c.seed, c.from);
      const batches: number[] = [];
      const t0 = performance.now();
      for (const part of chunks(docs, c.batch)) {
        const b0 = performance.now();
        await writeDirect(sql, orgId, part, accounts['manager@coulisses.demo'] ?? null, true, c.batch, collection);
        batches.push(performance.now() - b0);
      }
      return { ms: performance.now() - t0, written: docs.length, conflicts: 0, rejected: 0, batches };
    },
    async directPush(c) {
      const collection = c.collection ?? 'missions';
      const entity = entityByName(collection) as EntityDef;
      const rows = pushRows(c.mode, c.count, c.seed, c.from, collection);
      const ctx = await resolveViewer(sql, callerOf(c.email));
      const out: PushTiming = { ms: 0, written: 0, conflicts: 0, rejected: 0, batches: [] };
      const t0 = performance.now();
      for (const part of chunks(rows, c.batch)) {
        const b0 = performance.now();
        const res = await running.deps.sync.push(ctx, entity, part as { assumedMasterState?: SyncDoc | null; newDocumentState: SyncDoc }[]);
        out.batches.push(performance.now() - b0);
        out.written += res.written;
        out.conflicts += res.conflicts.length;
        out.rejected += res.rejected.length;
      }
      out.ms = performance.now() - t0;
      return out;
    },
    async feedStats() {
      return { emits, emitsByCollection: { ...emitsByCollection } };
    },
    async streamStats() {
      return { ...running.deps.streams.stats };
    },
    async lastSeq() {
      const [row] = await sql<{ last_seq: string }[]>`select last_seq from org_sync_state where org_id = ${orgId}`;
      return { lastSeq: Number(row?.last_seq ?? 0) };
    },
    async getDocs(c) {
      const rows = await sql<{ doc: Record<string, unknown>; deleted: boolean }[]>`
        select doc, deleted from missions where org_id = ${orgId} and id = any(${c.ids}::text[])`;
      return { docs: rows.map((r) => ({ ...r.doc, _deleted: r.deleted })) };
    },
    async close() {
      await running.close();
      return { ok: true };
    },
  };

  process.on('message', (raw: Request) => {
    const handler = handlers[raw.cmd] as (c: Command) => Promise<unknown>;
    handler(raw).then(
      (value) => {
        send({ kind: 'reply', rid: raw.rid, ok: true, value });
        if (raw.cmd === 'close') setTimeout(() => process.exit(0), 50);
      },
      (err: unknown) => send({ kind: 'reply', rid: raw.rid, ok: false, error: (err as Error).stack ?? String(err) }),
    );
  });
  process.on('disconnect', () => {
    void running.close().finally(() => process.exit(0));
  });

  const info: HostInfo = { url: running.url, backend, orgId, accounts };
  send({ kind: 'ready', info });
}


await main();
