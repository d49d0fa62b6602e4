import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  PUBLIC_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  TRUSTED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  SYNC_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  CLIENT_DIST: z.string().default(path.join(REPO_ROOT, 'client', 'dist')),
  MIGRATIONS_DIR: z.string().default(path.join(REPO_ROOT, 'migrations')),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  AUTH_RATE_LIMIT: z.enum(['on', 'off']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TOMBSTONE_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  EXPORT_SIGNING_KEY: z.string().optional(),
  JOB_RUNNER: z.enum(['on', 'off']).default('on'),
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
  MAIL_FROM: z.string().default('Coulisses Crew <no-reply@localhost>'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Postgres URL; undefined means the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Public origin of the app, used in links and by better-auth; defaults to http://localhost:PORT. */
  publicUrl: string | undefined;
  authSecret: string | undefined;
  trustedOrigins: string[];
  logLevel: Env['LOG_LEVEL'];
  bodyLimitBytes: number;
  /** Larger limit for sync pushes (batches of up to 500 documents). */
  syncBodyLimitBytes: number;
  /** Limit for spreadsheet uploads (KPI value import). */
  importBodyLimitBytes: number;
  clientDist: string;
  migrationsDir: string;
  seedDemo: Env['SEED_DEMO'];
  authRateLimit: boolean;
  /** Soft-deleted rows older than this are purged; older client checkpoints must resync. */
  tombstoneRetentionDays: number;
  /** Trust X-Forwarded-For (set when a reverse proxy such as Caddy is in front). */
  trustProxy: boolean;
  /** Ed25519 private key (PKCS#8 PEM) signing exports; unset: one generated on first use and kept in export_keys. */
  exportSigningKey: string | undefined;
  /** Run queued jobs (analytics refreshes...) in this instance; off: jobs queue up for other instances (tests). */
  jobRunner: boolean;
  /**
   * Webhooks may be sent over plain http and to private, loopback and link-local addresses (a receiver on the same
   * network, tests). Off: https only outside development and test, public addresses only (docs/runbooks/webhooks.md).
   */
  webhooksAllowPrivate: boolean;
  /** SMTP server of outgoing email (smtp://user:pass@host:587, smtps:// for implicit TLS); unset: emails stay in the outbox. */
  smtpUrl: string | undefined;
  /** The From of every email. */
  mailFrom: string;
  /** First retry delay of a failed job (doubles each time): emails, webhooks, refreshes. */
  jobRetryBaseMs: number;
}

/** Reads the configuration from environment variables; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a .env file) means unset.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    authSecret: e.BETTER_AUTH_SECRET,
    trustedOrigins: (e.TRUSTED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    syncBodyLimitBytes: e.SYNC_BODY_LIMIT_BYTES,
    importBodyLimitBytes: e.IMPORT_BODY_LIMIT_BYTES,
    clientDist: path.resolve(e.CLIENT_DIST),
    migrationsDir: path.resolve(e.MIGRATIONS_DIR),
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY === 'true',
    tombstoneRetentionDays: e.TOMBSTONE_RETENTION_DAYS,
    exportSigningKey: e.EXPORT_SIGNING_KEY,
    jobRunner: e.JOB_RUNNER === 'on',
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === 'on',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jobRetryBaseMs: e.JOB_RETRY_BASE_MS,
    authRateLimit: (e.AUTH_RATE_LIMIT ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
  };
}

/** Loads REPO_ROOT/.env into process.env when it exists; variables already set win. */
export function loadDotEnv(file = path.join(REPO_ROOT, '.env')): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
