/**
 * Prints the SQL that better-auth's own migrator would run on an empty database for our auth options.
 * Used once to write migrations/0001_auth.sql and by the drift test; the runner, not better-auth, applies it.
 */
import { getMigrations } from 'better-auth/db/migration';
import pino from 'pino';
import { openDatabase } from '../src/db/connect';
import { createAuth } from '../src/auth/auth';

export async function authSchemaSql(): Promise<string> {
  const logger = pino({ level: 'silent' });
  const db = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', logger });
  try {
    const auth = createAuth({
      sql: db.sql,
      baseURL: 'http://localhost',
      secret: 'x'.repeat(32),
      trustedOrigins: [],
      secureCookies: false,
      rateLimit: false,
      logger,
      onInvitation: () => undefined,
    });
    const { compileMigrations } = await getMigrations(auth.options);
    return await compileMigrations();
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${await authSchemaSql()}\n`);
}
