import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from './app';
import { createAuth } from './auth/auth';
import { resolveAuthSecret } from './auth/secret';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connect';
import { migrate } from './db/migrate';
import type { Deps } from './deps';
import { createMetrics } from './http/observe';
import { seedDemo, shouldSeedDemo } from './seed/demo';
import { domainHooks } from './domains';
import { registerAnalyticsJobs } from './analytics/jobs';
import { registerKpiJobs } from './kpi/auto-jobs';
import { registerWebhookJobs } from './integrations/webhooks/jobs';
import { JobRunner } from './jobs/runner';
import { SyncCore } from './sync/core';
import { ChangeFeed } from './sync/feed';
import { StreamHub } from './sync/stream-hub';
import { scheduleTombstonePurge } from './sync/retention';
import { authMail } from './notifications/auth-mail';
import { createMailer } from './notifications/mailer';
import { registerOutboxJobs } from './notifications/send-job';
import { registerNotificationJobs } from './notifications/fanout';
import { registerSweepJob } from './notifications/overdue';

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  close(): Promise<void>;
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'sync-server' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'headers.cookie', 'headers.authorization', 'email', '*.email'],
      censor: '[redacted]',
    },
  });
}

/**
 * Opens the database (Postgres or embedded PGlite), applies migrations, seeds the demo organisation on a new
 * embedded database, and listens. close() stops accepting, lets requests finish, then closes the database.
 * `options.db` is a database opened by the caller (tests: a PGlite loaded from a snapshot); the server owns it.
 */
export async function startServer(config: Config, logger: Logger = createLogger(config), options: { db?: Database } = {}): Promise<RunningServer> {
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger }));
  let feedToClose: ChangeFeed | undefined;
  try {
    const { applied, head } = await migrate(db.sql, config.migrationsDir);
    logger.info({ database: db.kind, applied, head }, 'migrations at head');

    let port = config.port;
    const baseURLFor = (p: number) => config.publicUrl ?? `http://localhost:${p}`;
    const secret = await resolveAuthSecret(config);
    const metrics = createMetrics();
    // Outgoing email (SMTP_URL); none: emails stay in the outbox, shown on the admin page.
    const mailer = createMailer(config.smtpUrl, config.mailFrom);
    const feed = new ChangeFeed(db, logger);
    feedToClose = feed;
    await feed.start();
    // The real port is only known after listen (PORT=0 in tests); auth and routes read it through deps.
    const deps: Deps = {
      config,
      db,
      logger,
      metrics,
      baseURL: baseURLFor(port),
      migrationsHead: head,
      feed,
      streams: new StreamHub(db.sql, feed, logger),
      sync: new SyncCore(db.sql, feed, domainHooks()),
      secret,
      auth: undefined as never,
    };

    // Listen first (PORT=0 picks a free port in tests); requests wait for the app with a 503 until it is built.
    const ready: { app?: ReturnType<typeof createApp> } = {};
    const server = createAdaptorServer({
      fetch: (req, env) => (ready.app ? ready.app.fetch(req, env as never) : new Response(null, { status: 503 })),
    }) as Server;
    // Keep idle connections longer than clients and proxies do (Caddy, browsers, Playwright reuse them), so the
    // server never closes a socket a client is about to send on (ECONNRESET on the next request).
    server.keepAliveTimeout = 75_000;
    server.headersTimeout = 76_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    deps.baseURL = baseURLFor(port);
    const origins = new Set([deps.baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...config.trustedOrigins]);
    deps.auth = createAuth({
      sql: db.sql,
      baseURL: deps.baseURL,
      secret,
      trustedOrigins: [...origins],
      secureCookies: deps.baseURL.startsWith('https://'),
      rateLimit: config.authRateLimit,
      logger,
      ...authMail({ sql: db.sql, logger, baseURL: deps.baseURL, secret, mailFrom: config.mailFrom, hasMailer: mailer !== null }),
    });
    if (shouldSeedDemo(config, db)) {
      await seedDemo(deps, { onlyIfEmpty: config.seedDemo !== 'always' });
    }
    ready.app = createApp(deps);
    const stopPurge = scheduleTombstonePurge(db.sql, config.tombstoneRetentionDays, logger);
    // Durable jobs (analytics refreshes, automatic KPI refreshes, the daily purge and hourly sweep, webhook deliveries): one runner per
    // instance, each job run once.
    const jobs = new JobRunner(db.sql, { logger, retryBaseMs: config.jobRetryBaseMs });
    registerOutboxJobs(jobs, { db, mailer, logger });
    const notifyDeps = { db, logger, outbox: () => ({ baseURL: deps.baseURL, secret, mailFrom: config.mailFrom }) };
    registerNotificationJobs(jobs, notifyDeps);
    await registerSweepJob(jobs, notifyDeps);
    await registerAnalyticsJobs(jobs, { db, sync: deps.sync, logger });
    await registerKpiJobs(jobs, { db, sync: deps.sync, logger });
    registerWebhookJobs(jobs, { sql: db.sql, config });
    if (config.jobRunner) jobs.start();
    logger.info({ url: deps.baseURL, database: db.kind }, 'listening');

    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      deps,
      close() {
        closing ??= (async () => {
          stopPurge();
          await jobs.stop();
          mailer?.close();
          await feed.close();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 10_000).unref();
          });
          await db.close();
          logger.info('stopped');
        })();
        return closing;
      },
    };
  } catch (err) {
    await feedToClose?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
