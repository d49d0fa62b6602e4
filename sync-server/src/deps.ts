import type { Logger } from 'pino';
import type { Auth } from './auth/auth';
import type { Config } from './config';
import type { Database } from './db/connect';
import type { Metrics } from './http/observe';
import type { SyncCore } from './sync/core';
import type { ChangeFeed } from './sync/feed';
import type { StreamHub } from './sync/stream-hub';

/** What the routes need, built once at start and passed down (no module-level singletons). */
export interface Deps {
  config: Config;
  db: Database;
  auth: Auth;
  logger: Logger;
  metrics: Metrics;
  /** Public origin used in links, e.g. http://localhost:8787. */
  baseURL: string;
  /** Number of the last migration file, known at start. */
  migrationsHead: number;
  /** Signs sessions (better-auth) and, with a purpose prefix, mission invitation links. */
  secret: string;
  /** Tells open sync streams that an organisation's data (or someone's access) changed. */
  feed: ChangeFeed;
  /** Reads each organisation's changes once for all its open sync streams and fans them out per viewer. */
  streams: StreamHub;
  /** The sync core with every domain's hooks registered (every write of synced data goes through it). */
  sync: SyncCore;
}
