// npm run migrate: applies pending migrations to the configured database and prints the version.
import { loadConfig, loadDotEnv } from '../config';
import { openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import { createLogger } from '../server';

loadDotEnv();
const config = loadConfig();
const logger = createLogger(config);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
try {
  const result = await migrate(db.sql, config.migrationsDir);
  logger.info(result, 'migrations at head');
} finally {
  await db.close();
}
