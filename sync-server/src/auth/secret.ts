import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The signing secret of sessions: BETTER_AUTH_SECRET when set; required in production; otherwise one is
 * made once and kept in the data directory so sessions survive a restart.
 */
export async function resolveAuthSecret(config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  if (config.env === 'production') throw new Error('BETTER_AUTH_SECRET must be set (32+ characters) when NODE_ENV=production');
  if (config.dataDir === 'memory://') return randomBytes(32).toString('base64url');
  const file = path.join(config.dataDir, 'auth-secret');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    await fs.mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}
