import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from './connect';

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LOCK_KEY = 727_001;

/** Reads migrations/NNNN_name.sql in version order; refuses gaps, duplicates and odd names. */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = FILE_PATTERN.exec(name);
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${name}`);
    const sql = await fs.readFile(path.join(dir, name), 'utf8');
    files.push({
      version: Number(match[1]),
      name: match[2] ?? name,
      file: name,
      checksum: createHash('sha256').update(sql).digest('hex'),
      sql,
    });
  }
  files.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 0001, 0002, ... without gaps: ${m.file}`);
  });
  return files;
}

async function ensureTable(sql: Sql): Promise<void> {
  await sql`
    create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`;
}

export interface MigrationResult {
  applied: number[];
  head: number;
}

/**
 * Applies every pending migration, each in its own transaction together with its schema_migrations row,
 * under a transaction-level advisory lock so that concurrent starts apply each file once. An applied file
 * whose content changed is an error: migrations are append-only.
 */
export async function migrate(sql: Sql, dir: string): Promise<MigrationResult> {
  const files = await readMigrations(dir);
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await ensureTable(tx as unknown as Sql);
  });
  const applied: number[] = [];
  for (const m of files) {
    const done = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
      const rows = await tx<{ checksum: string }[]>`select checksum from schema_migrations where version = ${m.version}`;
      const row = rows[0];
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.file} was changed after it was applied (checksum differs); add a new migration instead`);
        }
        return false;
      }
      await tx.unsafe(m.sql);
      await tx`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`;
      return true;
    });
    if (done) applied.push(m.version);
  }
  return { applied, head: files.length };
}

export interface MigrationStatus {
  current: number;
  head: number;
  atHead: boolean;
}

export async function migrationStatus(sql: Sql, dir: string): Promise<MigrationStatus> {
  const files = await readMigrations(dir);
  const rows = await sql<{ v: number | null }[]>`select max(version) as v from schema_migrations`;
  const current = rows[0]?.v ?? 0;
  return { current, head: files.length, atHead: current === files.length };
}
