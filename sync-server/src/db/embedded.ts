import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  pglite: PGlite;
  /** postgres:// URL of the loopback socket in front of PGlite. */
  url: string;
  /** True when the data directory held no database before this start. */
  created: boolean;
  close(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` (or in memory for 'memory://') and puts a Postgres wire-protocol socket in
 * front of it on a free loopback port, so the rest of the server reaches it through postgres.js exactly
 * as it reaches a real Postgres.
 */
export async function startEmbeddedDatabase(dataDir: string, maxConnections: number): Promise<EmbeddedDatabase> {
  let created = true;
  if (dataDir !== 'memory://') {
    await fs.mkdir(dataDir, { recursive: true });
    created = !(await exists(`${dataDir}/PG_VERSION`));
  }
  const pglite = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const conn = server.getServerConn();
  return {
    pglite,
    url: `postgres://postgres@${conn}/postgres`,
    created,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
