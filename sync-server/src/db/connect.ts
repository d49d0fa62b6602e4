import type { Duplex } from 'node:stream';
import postgres from 'postgres';
import type { Logger } from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export type Sql = postgres.Sql;

export interface Database {
  sql: Sql;
  kind: 'postgres' | 'pglite';
  /** True for an embedded database created by this start (demo data goes there). */
  freshEmbedded: boolean;
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/**
 * PGlite is one Postgres session: several client connections would interleave their statements in it,
 * so postgres.js keeps a single connection to it and queues queries itself. The connection is made in
 * this process (no port, no socket file: no other process can reach the database) and a reconnect is
 * never refused: connect() always gives a new one.
 */
const EMBEDDED_POOL = 1;

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  logger: Logger;
  poolSize?: number;
  /** In-memory PGlite only: start from this dumped data directory (PGlite dumpDataDir). */
  loadDataDir?: Blob;
}): Promise<Database> {
  const onnotice = (notice: postgres.Notice) => opts.logger.debug({ notice: notice.message }, 'postgres notice');
  if (opts.databaseUrl) {
    const sql = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice, idle_timeout: 30 });
    return { sql, kind: 'postgres', freshEmbedded: false, embedded: undefined, close: () => sql.end({ timeout: 5 }) };
  }
  const embedded = await startEmbeddedDatabase(opts.dataDir, { loadDataDir: opts.loadDataDir });
  // postgres.js takes a `socket` factory (a duplex stream per connection); its type definitions omit it.
  const options: postgres.Options<Record<string, postgres.PostgresType>> & { socket: () => Duplex } = {
    socket: () => embedded.connect(),
    username: 'postgres',
    database: 'postgres',
    max: EMBEDDED_POOL,
    onnotice,
    idle_timeout: 0,
  };
  const sql = postgres(options);
  return {
    sql,
    kind: 'pglite',
    freshEmbedded: embedded.created,
    embedded,
    async close() {
      await sql.end({ timeout: 5 });
      await embedded.close();
    },
  };
}
