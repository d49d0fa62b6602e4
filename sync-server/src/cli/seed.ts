// npm run seed: applies migrations and adds the demo organisations to the configured database (DATABASE_URL
// or the embedded one), even a Postgres one. Idempotent: an existing demo organisation is left as it is (its
// season of people, missions and punches is added only when it has no people yet).
import { createAuth } from '../auth/auth';
import { resolveAuthSecret } from '../auth/secret';
import { loadConfig, loadDotEnv } from '../config';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { domainHooks } from '../domains';
import { seedDemo } from '../seed/demo';
import { createLogger } from '../server';
import { SyncCore } from '../sync/core';
import { ChangeFeed } from '../sync/feed';

loadDotEnv();
const config = loadConfig();
const logger = createLogger(config);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
try {
  await migrate(db.sql, config.migrationsDir);
  const baseURL = config.publicUrl ?? `http://localhost:${config.port}`;
  const auth = createAuth({
    sql: db.sql,
    baseURL,
    secret: await resolveAuthSecret(config),
    trustedOrigins: [baseURL],
    secureCookies: baseURL.startsWith('https://'),
    rateLimit: false,
    logger,
    onInvitation: async (info) => logger.info({ link: info.link }, 'invitation link'),
    onPasswordReset: async () => undefined,
    onVerificationEmail: async () => undefined,
  });
  // Synced documents go through the sync core (change numbers, audits, server fields, hooks); a running server
  // on the same database hears of them through the change feed's NOTIFY.
  const sync = new SyncCore(db.sql, new ChangeFeed(db, logger), domainHooks());
  const created = await seedDemo({ auth, db, logger, sync, baseURL }, { onlyIfEmpty: false });
  logger.info({ created }, created ? 'demo data added' : 'demo data already present');
} finally {
  await db.close();
}
