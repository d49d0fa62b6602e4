// npm run analytics:rebuild -- <orgId|--all>: recomputes the analytics warehouse and slices of one organisation,
// or of every organisation, from scratch (docs/runbooks/analytics.md). Applies migrations first. On the embedded
// database (no DATABASE_URL) stop the server before: PGlite is one process's database.
import { rebuild } from '../analytics/refresh';
import { loadConfig, loadDotEnv } from '../config';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { domainHooks } from '../domains';
import { createLogger } from '../server';
import { SyncCore } from '../sync/core';
import { ChangeFeed } from '../sync/feed';

const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run analytics:rebuild -- <orgId|--all>');
  process.exit(2);
}
loadDotEnv();
const config = loadConfig();
const logger = createLogger(config);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
const feed = new ChangeFeed(db, logger);
try {
  await migrate(db.sql, config.migrationsDir);
  // Slices go through the sync core; a running server on the same Postgres hears of them through NOTIFY.
  const sync = new SyncCore(db.sql, feed, domainHooks());
  const orgs = arg === '--all' ? (await db.sql<{ id: string }[]>`select id from auth_organization order by id`).map((r) => r.id) : [arg];
  let failed = 0;
  for (const orgId of orgs) {
    const [known] = await db.sql`select 1 from auth_organization where id = ${orgId}`;
    if (!known) {
      logger.error({ orgId }, 'no such organisation');
      failed += 1;
      continue;
    }
    const started = Date.now();
    const result = await rebuild({ db, sync, logger }, orgId);
    logger.info({ orgId, months: result.months.length, rows: result.rows, slicesWritten: result.written, ms: Date.now() - started }, 'analytics rebuilt');
  }
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  await feed.close().catch(() => undefined);
  await db.close();
}
