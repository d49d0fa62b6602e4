import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { startServer, type RunningServer } from '../../src/server';
import { createScratchDatabase, type Backend } from './backends';
import { unlinkDemoPeople } from './demo-unlink';
import { fixtureDist } from './fixture-dist';
import { pgliteSnapshot, seededScratchDatabase, seededTemplate, shiftQueuedJobs } from './template-use';

export interface TestServer extends RunningServer {
  backend: Backend;
}

/**
 * Starts the real server on a random port: PGlite in memory, or a fresh database on the test Postgres.
 * The demo organisations are always seeded, with their season (people, missions, punches, timesheets), but the
 * demo accounts are linked to none of its people: a test links them to the people it makes. The season's own
 * links are checked by demo-seed.test.ts. Logs are silent unless TEST_LOG_LEVEL is set.
 *
 * A seeded server starts from the run's template (docs/testing.md): a copy of a database the global setup migrated
 * and seeded once (Postgres CREATE DATABASE ... TEMPLATE, or PGlite loaded from a dumped data directory). The
 * server then starts as it always does (migrations at head, the idempotent seed, job runner, listeners, keys).
 * A test that asks for no seed or its own data directory gets a new empty database.
 */
export async function startTestServer(backend: Backend, overrides: Partial<Config> = {}): Promise<TestServer> {
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  const config: Config = {
    ...base,
    dataDir: 'memory://',
    seedDemo: 'always',
    clientDist: await fixtureDist(),
    ...overrides,
  };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const fromTemplate = config.seedDemo === 'always' && config.dataDir === 'memory://';
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let db: Database | undefined;
  if (backend === 'postgres') {
    scratch = fromTemplate ? await seededScratchDatabase() : await createScratchDatabase();
  } else {
    const template = fromTemplate ? seededTemplate('pglite') : undefined;
    if (template) {
      db = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', logger, loadDataDir: await pgliteSnapshot(template.file) });
      await shiftQueuedJobs(db.sql, template.builtAt);
    }
  }
  const running = await startServer({ ...config, databaseUrl: scratch?.url ?? config.databaseUrl }, logger, { db });
  // Nothing to unlink in a copy of the template (unlinked when it was built): one query.
  if (config.seedDemo === 'always') await unlinkDemoPeople(running);
  return {
    ...running,
    backend,
    async close() {
      await running.close();
      await scratch?.drop();
    },
  };
}
