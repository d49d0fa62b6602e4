// npm run seed: applies migrations and adds the demo organisations to the configured database (DATABASE_URL
// or the embedded one), even a Postgres one. Idempotent: an existing demo organisation is left as it is.
import { createAuth } from '../auth/auth';
import { resolveAuthSecret } from '../auth/secret';
import { loadConfig, loadDotEnv } from '../config';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { seedDemo } from '../seed/demo';
import { createLogger } from '../server';

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
    onInvitation: (info) => logger.info({ link: info.link }, 'invitation link'),
  });
  const created = await seedDemo({ auth, db, logger }, { onlyIfEmpty: false });
  logger.info({ created }, created ? 'demo data added' : 'demo data already present');
} finally {
  await db.close();
}
