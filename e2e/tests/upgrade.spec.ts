import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { ACCOUNTS, DEMO_PASSWORD, expect, test } from './helpers';
import { serverDocs } from './sync-helpers';

/**
 * Schema upgrades of the local store in Chromium (real RxDB on IndexedDB, real server): the harness page
 * (e2e/harness/upgrade/) runs the app's openSyncDatabase and SyncEngine with the missions entity one schema
 * version up, as a new release would. It is built once and served under /__upgrade/ on the server's origin
 * (Playwright routes those paths to the built files), so the session cookie works as in the app.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE = '/__upgrade/';
let dist: string | undefined;

test.beforeAll(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-upgrade-harness-'));
  await build({
    root: path.join(HERE, '../harness/upgrade'),
    base: BASE,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: dist, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
});

test.afterAll(async () => {
  if (dist) await fs.rm(dist, { recursive: true, force: true });
});

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>> & { stoppedAt: string | null };

/** A new page (a new JS context) of the harness in this test's browser context, signed in as a manager. */
async function harnessPage(page: Page): Promise<Page> {
  await page.route(`**${BASE}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.slice(BASE.length) || 'index.html';
    const file = path.join(dist!, rel);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    await route.fulfill({ status: 200, contentType: type, body: await fs.readFile(file) });
  });
  await page.goto(BASE);
  await page.waitForFunction(() => Boolean((window as unknown as { __upgrade?: unknown }).__upgrade));
  await call(page, 'signIn', ACCOUNTS.manager, DEMO_PASSWORD);
  return page;
}

function call<T = unknown>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([name, a]) => (window as unknown as { __upgrade: Harness }).__upgrade[name as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
}

interface Written {
  edited: { id: string; title: string }[];
  created: { id: string; title: string }[];
}

interface State {
  version: number;
  count: number;
  pending: number;
  titles: Record<string, string>;
}

/** A store at version 0, synced, then 3 missions edited and 2 created offline (5 writes pending). */
async function storeWithOfflineWrites(page: Page, name: string): Promise<Written> {
  await call(page, 'open', name, 0);
  await call(page, 'sync');
  const written = await call<Written>(page, 'writeOffline', 3, 2);
  const state = await call<State>(page, 'state', []);
  expect(state.pending).toBe(5);
  await call(page, 'close');
  return written;
}

/** After the upgrade: the offline writes are local with their values, then on the server once synced. */
async function expectKeptAndPushed(page: Page, written: Written): Promise<void> {
  const all = [...written.edited, ...written.created];
  const ids = all.map((w) => w.id);
  const before = await call<State>(page, 'state', ids);
  expect(before.version).toBe(1);
  expect(before.pending).toBe(5);
  expect(before.titles).toEqual(Object.fromEntries(all.map((w) => [w.id, w.title])));
  await call(page, 'sync');
  const after = await call<State>(page, 'state', ids);
  expect(after.pending).toBe(0);
  const onServer = new Map((await serverDocs(page.request, 'missions')).map((d) => [d.id, d]));
  for (const w of all) expect(onServer.get(w.id)?.title).toBe(w.title);
  // The rest of the collection came back from the server.
  expect(after.count).toBe(onServer.size);
}

test('a schema upgrade keeps the edits and creations made offline, and they reach the server', async ({ page, context }) => {
  const name = `cc_upgrade_${Date.now()}`;
  const first = await harnessPage(page);
  const written = await storeWithOfflineWrites(first, name);
  await first.close();

  const next = await harnessPage(await context.newPage());
  await call(next, 'open', name, 1);
  await expectKeptAndPushed(next, written);
  await call(next, 'close');
});

for (const phase of ['read', 'written', 'committed'] as const) {
  test(`a page closed during the upgrade (after '${phase}') loses no offline write`, async ({ page, context }) => {
    const name = `cc_upgrade_${phase}_${Date.now()}`;
    const first = await harnessPage(page);
    const written = await storeWithOfflineWrites(first, name);
    // The upgrade stops at the step; the page closes there, as a user closing the tab would.
    void call(first, 'open', name, 1, phase).catch(() => undefined);
    await expect.poll(() => first.evaluate(() => (window as unknown as { __upgrade: Harness }).__upgrade.stoppedAt)).toBe(phase);
    await first.close();

    const next = await harnessPage(await context.newPage());
    await call(next, 'open', name, 1);
    await expectKeptAndPushed(next, written);
    await call(next, 'close');
  });
}
