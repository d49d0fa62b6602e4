import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/**
 * The real app (built PWA served by the real sync server) in Debian's Chromium. One project per database:
 * PGlite always, Postgres when scripts/e2e.mjs found it answering (E2E_POSTGRES=1).
 */
const PGLITE_PORT = Number(process.env.E2E_PORT ?? 8790);
const POSTGRES_PORT = PGLITE_PORT + 1;
const withPostgres = process.env.E2E_POSTGRES === '1';

const backends = [
  { name: 'pglite', port: PGLITE_PORT },
  ...(withPostgres ? [{ name: 'postgres', port: POSTGRES_PORT }] : []),
];

export default defineConfig({
  testDir: './tests',
  // A test signs in, syncs and often reloads offline; on a 2-core CI machine that alone can take 40 s.
  timeout: 120_000,
  // Waits for sync and the worker: generous, a loaded CI machine is several times slower than a laptop.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  outputDir: '../test-results',
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  // axe reads the pages the client draws, the same on either database: the accessibility spec runs on PGlite only.
  projects: backends.map((b) => ({
    name: b.name,
    use: { baseURL: `http://localhost:${b.port}` },
    ...(b.name === 'pglite' ? {} : { testIgnore: /accessibility\.spec\.ts$/ }),
  })),
  webServer: backends.map((b) => ({
    command: `node ../scripts/e2e-server.mjs --backend ${b.name} --port ${b.port}`,
    url: `http://127.0.0.1:${b.port}/readyz`,
    reuseExistingServer: false,
    // Cold start builds nothing but opens PGlite, migrates and seeds; under a loaded CI machine that took 130 s.
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  })),
});
