import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getMigrations } from 'better-auth/db/migration';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { migrate, migrationStatus } from '../../src/db/migrate';
import { availableBackends, createScratchDatabase } from '../helpers/backends';
import { startTestServer } from '../helpers/server';

const backends = await availableBackends();
const MIGRATIONS = loadConfig({}).migrationsDir;

describe.each(backends)('migration runner on %s', (backend) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
    drop = scratch?.drop;
    db = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory://', logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('applies every file in order once and records the version; a second run changes nothing', async () => {
    const first = await migrate(db.sql, MIGRATIONS);
    expect(first.applied).toEqual(Array.from({ length: first.head }, (_, i) => i + 1));
    const before = await db.sql`select version, checksum, applied_at from schema_migrations order by version`;
    const second = await migrate(db.sql, MIGRATIONS);
    expect(second.applied).toEqual([]);
    expect(await db.sql`select version, checksum, applied_at from schema_migrations order by version`).toEqual(before);
    expect(await migrationStatus(db.sql, MIGRATIONS)).toEqual({ current: first.head, head: first.head, atHead: true });
  });

  it('refuses a migration file changed after it was applied', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-mig-'));
    for (const f of await fs.readdir(MIGRATIONS)) await fs.copyFile(path.join(MIGRATIONS, f), path.join(dir, f));
    await fs.appendFile(path.join(dir, '0001_auth.sql'), '\n-- edited\n');
    await expect(migrate(db.sql, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-mig-'));
    for (const f of await fs.readdir(MIGRATIONS)) await fs.copyFile(path.join(MIGRATIONS, f), path.join(dir, f));
    const next = String((await fs.readdir(MIGRATIONS)).length + 1).padStart(4, '0');
    await fs.writeFile(path.join(dir, `${next}_broken.sql`), 'create table half_done (id int);\nselect * from no_such_table;\n');
    await expect(migrate(db.sql, dir)).rejects.toThrow();
    expect(await db.sql`select to_regclass('half_done') as t`).toEqual([{ t: null }]);
    expect((await migrationStatus(db.sql, MIGRATIONS)).atHead).toBe(true);
  });
});

describe('auth schema', () => {
  it('matches what better-auth expects: its migrator finds nothing to create or add', async () => {
    const server = await startTestServer('pglite');
    try {
      const { toBeCreated, toBeAdded } = await getMigrations(server.deps.auth.options);
      expect(toBeCreated).toEqual([]);
      expect(toBeAdded).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
