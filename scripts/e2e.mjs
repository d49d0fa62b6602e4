// npm run test:e2e: builds the PWA if needed, then runs Playwright in Debian's Chromium against the real
// server, on PGlite always and on the machine's Postgres too when TEST_DATABASE_URL answers.
import postgres from 'postgres';
import { ROOT, ensureClientBuild } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

await ensureClientBuild();
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let withPostgres = false;
const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
try {
  await sql`select 1`;
  withPostgres = true;
} catch (err) {
  console.warn(`[e2e] Postgres at ${url} does not answer (${err.message}); e2e runs on PGlite only`);
} finally {
  await sql.end({ timeout: 1 }).catch(() => {});
}
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', E2E_POSTGRES: withPostgres ? '1' : '0' };
const code = await run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], { cwd: ROOT, env });
process.exit(code);
