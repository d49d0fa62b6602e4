import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { createScratchDatabase, type Backend } from './backends';

export interface TestServer extends RunningServer {
  backend: Backend;
}

/**
 * Starts the real server on a random port: PGlite in memory, or a fresh database on the test Postgres.
 * The demo organisations are always seeded, with their season (people, missions, punches, timesheets), but the
 * demo accounts are linked to none of its people: a test links them to the people it makes. The season's own
 * links are checked by demo-seed.test.ts. Logs are silent unless TEST_LOG_LEVEL is set.
 */
export async function startTestServer(backend: Backend, overrides: Partial<Config> = {}): Promise<TestServer> {
  const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
  const base = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  const config: Config = {
    ...base,
    databaseUrl: scratch?.url,
    dataDir: 'memory://',
    seedDemo: 'always',
    clientDist: await fixtureDist(),
    ...overrides,
  };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const running = await startServer(config, logger);
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

let dist: Promise<string> | undefined;
/** A tiny built-client stand-in for the static serving tests (the real build is exercised by e2e). */
function fixtureDist(): Promise<string> {
  dist ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-dist-'));
    await fs.mkdir(path.join(dir, 'assets'));
    await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><link rel="manifest" href="/manifest.webmanifest"><div id="root"></div>');
    await fs.writeFile(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await fs.writeFile(path.join(dir, 'manifest.webmanifest'), '{"name":"Coulisses Crew"}');
    await fs.writeFile(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    return dir;
  })();
  return dist;
}

/** Unlinks the demo season's people from their accounts, through the sync core (numbered, audited writes). */
async function unlinkDemoPeople(running: RunningServer): Promise<void> {
  const { sql } = running.deps.db;
  const linked = await sql<{ org_id: string; id: string }[]>`select org_id, id from users where not deleted and coalesce(doc->>'accountId', '') <> ''`;
  for (const row of linked) {
    await running.deps.sync.serverUpdate(row.org_id, { accountId: null, viewer: null }, 'users', row.id, (doc) => ({ ...doc, accountId: null, updatedAt: new Date().toISOString() }));
  }
}
