import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import postgres from 'postgres';
import { loadConfig, REPO_ROOT, type Config } from '../../src/config';
import { startServer } from '../../src/server';
import { TEST_DATABASE_URL, databaseUrlFor, type Backend } from './backends';
import { unlinkDemoPeople } from './demo-unlink';
import { fixtureDist } from './fixture-dist';
import type { TestTemplates } from './template-use';

/**
 * Builds the seeded test templates once per key (docs/testing.md): the real server starts on a new database, runs
 * its migrations and the demo seed ('always'), the demo people are unlinked, and the result is kept. The job
 * runner is off while it is built, so the seed's queued jobs are still queued in every copy (template-use.ts moves
 * their due times by the template's age). Old templates (a day) are removed.
 */
export const PGLITE_CACHE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'coulisses-test-db');
const KEEP_MS = 24 * 3600_000;
/** Session advisory lock of template builds on the test Postgres: two runs never build the same one twice. */
const BUILD_LOCK = 727_014;

const silent = pino({ level: 'silent' });
const onnotice = () => undefined;

/** The templates of this key, built when missing, for the given backends. */
export async function ensureTemplates(key: string, backends: Backend[]): Promise<TestTemplates> {
  const [pglite, pg] = await Promise.all([
    backends.includes('pglite') ? ensurePgliteTemplate(key) : undefined,
    backends.includes('postgres') ? ensurePostgresTemplate(key) : undefined,
  ]);
  return { key, ...(pglite ? { pglite } : {}), ...(pg ? { postgres: pg } : {}) };
}

async function seedConfig(databaseUrl: string | undefined): Promise<Config> {
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  return { ...base, databaseUrl, dataDir: 'memory://', seedDemo: 'always', jobRunner: false, clientDist: await fixtureDist() };
}

/** A dumped in-memory PGlite (a tar file in node_modules/.cache), with the database time its seed ended at. */
async function ensurePgliteTemplate(key: string): Promise<{ file: string; builtAt: string }> {
  const file = path.join(PGLITE_CACHE_DIR, `pglite-${key}.tar`);
  const meta = `${file}.json`;
  const known = await fs.readFile(meta, 'utf8').then((s) => JSON.parse(s) as { builtAt: string }).catch(() => undefined);
  if (known && (await fs.access(file).then(() => true, () => false))) return { file, builtAt: known.builtAt };

  await fs.mkdir(PGLITE_CACHE_DIR, { recursive: true });
  const running = await startServer(await seedConfig(undefined), silent);
  let builtAt: string;
  try {
    await unlinkDemoPeople(running);
    builtAt = await databaseNow(running.deps.db.sql);
    // Written pages go to the data files before the dump, so a copy starts without replaying the WAL.
    await running.deps.db.sql`checkpoint`;
    const dump = await running.deps.db.embedded!.pglite.dumpDataDir('none');
    // Another run may build the same key at once: each writes its own file, and the rename is atomic.
    const tmp = `${file}.${process.pid}`;
    await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(tmp, file);
    await fs.writeFile(`${meta}.${process.pid}`, JSON.stringify({ builtAt }));
    await fs.rename(`${meta}.${process.pid}`, meta);
  } finally {
    await running.close();
  }
  await prunePgliteTemplates(key);
  return { file, builtAt };
}

async function prunePgliteTemplates(key: string): Promise<void> {
  for (const name of await fs.readdir(PGLITE_CACHE_DIR)) {
    if (name.includes(key)) continue;
    const full = path.join(PGLITE_CACHE_DIR, name);
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > KEEP_MS) await fs.rm(full, { force: true });
  }
}

/**
 * A template database `cc_tpl_<key>` on the test Postgres: built under another name, renamed when complete,
 * then marked as a template that accepts no connections (CREATE DATABASE ... TEMPLATE needs none on it).
 * Its comment holds the database time its seed ended at.
 */
async function ensurePostgresTemplate(key: string): Promise<{ name: string; builtAt: string }> {
  const name = `cc_tpl_${key}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice });
  try {
    await admin`select pg_advisory_lock(${BUILD_LOCK})`;
    const found = await templateNote(admin, name);
    if (found) return { name, builtAt: found.builtAt };
    const building = `cc_tpb_${key}_${process.pid}`;
    await admin.unsafe(`drop database if exists ${building} with (force)`);
    await admin.unsafe(`create database ${building}`);
    const running = await startServer(await seedConfig(databaseUrlFor(building)), silent);
    let builtAt: string;
    try {
      await unlinkDemoPeople(running);
      builtAt = await databaseNow(running.deps.db.sql);
    } finally {
      await running.close();
    }
    await admin.unsafe(`alter database ${building} rename to ${name}`);
    await admin.unsafe(`comment on database ${name} is '${JSON.stringify({ builtAt })}'`);
    await admin.unsafe(`alter database ${name} with is_template true allow_connections false`);
    await prunePostgresTemplates(admin, name);
    return { name, builtAt };
  } finally {
    await admin`select pg_advisory_unlock(${BUILD_LOCK})`.catch(() => undefined);
    await admin.end({ timeout: 5 });
  }
}

async function templateNote(admin: postgres.Sql, name: string): Promise<{ builtAt: string } | undefined> {
  const [row] = await admin<{ note: string | null }[]>`select shobj_description(oid, 'pg_database') as note from pg_database where datname = ${name}`;
  if (!row?.note) return undefined;
  return JSON.parse(row.note) as { builtAt: string };
}

/** Templates older than a day, and half-built ones whose process is gone. */
async function prunePostgresTemplates(admin: postgres.Sql, keep: string): Promise<void> {
  const rows = await admin<{ datname: string; note: string | null }[]>`
    select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like 'cc\_tp%' and datname <> ${keep}`;
  for (const row of rows) {
    const pid = /^cc_tpb_.*_(\d+)$/.exec(row.datname)?.[1];
    const builtAt = row.note ? Date.parse((JSON.parse(row.note) as { builtAt: string }).builtAt) : NaN;
    const stale = pid ? !alive(Number(pid)) : row.datname.startsWith('cc_tpl_') && Date.now() - builtAt > KEEP_MS;
    if (!stale) continue;
    await admin.unsafe(`alter database ${row.datname} with is_template false`);
    await admin.unsafe(`drop database if exists ${row.datname} with (force)`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function databaseNow(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ now: Date }[]>`select now() as now`;
  return row!.now.toISOString();
}
