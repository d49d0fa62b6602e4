import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to port 8787, the embedded database in .data and French-first settings', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.data$/);
    expect(c.seedDemo).toBe('auto');
    expect(c.authRateLimit).toBe(true);
  });

  it('treats empty variables as unset and reads the others', () => {
    const c = loadConfig({ DATABASE_URL: '', PORT: '9000', TRUSTED_ORIGINS: 'http://a.test, http://b.test', NODE_ENV: 'test' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(9000);
    expect(c.trustedOrigins).toEqual(['http://a.test', 'http://b.test']);
    expect(c.authRateLimit).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ BETTER_AUTH_SECRET: 'short' }, /BETTER_AUTH_SECRET/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j with a readable error', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
