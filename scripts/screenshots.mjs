// npm run screenshots: the main screens of the app as each demo account sees them, at the phone (390x844) and
// laptop (1440x900) sizes, and the kiosk app at 1024x768 and 768x1024; light and dark (prefers-color-scheme),
// French and English. Starts the real server on a new embedded database with the demo data (as
// scripts/e2e-server.mjs does), builds the client if needed, drives Debian's Chromium with Playwright, and writes
// PNG files and an index.html listing them to screenshots/ (ignored by git).
//
//   npm run screenshots -- --roles manager,tech --viewports phone --locales fr --themes dark --screens calendar
//
// Options (comma-separated lists, default: all):
//   --roles      admin, manager, tech, regie, kiosk (the kiosk app, no account)
//   --viewports  phone, laptop (the accounts), kiosk-landscape, kiosk-portrait (the kiosk app)
//   --locales    fr, en
//   --themes     light, dark (the kiosk is always dark: it is taken once per locale)
//   --screens    only the screens whose name contains one of these words
//   --out        output folder (default screenshots)
//   --port       server port (default 8870)
//   --full       whole pages (scrolled) instead of the viewport
// CLIENT_DIST=<folder> serves an existing build instead of building client/dist.
/* global window, document, PopStateEvent -- in the functions run in the page (page.evaluate) */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request as playwrightRequest } from '@playwright/test';
import { ROOT, ensureClientBuild } from './lib/client-build.mjs';

const PASSWORD = 'coulisses2026';
const ACCOUNTS = {
  admin: 'admin@coulisses.demo',
  manager: 'manager@coulisses.demo',
  tech: 'tech@coulisses.demo',
  regie: 'regie@nuits-blanches.demo',
};
const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1440, height: 900 },
  'kiosk-landscape': { width: 1024, height: 768 },
  'kiosk-portrait': { width: 768, height: 1024 },
};
const APP_VIEWPORTS = ['phone', 'laptop'];
const KIOSK_VIEWPORTS = ['kiosk-landscape', 'kiosk-portrait'];

const PLANNER = ['ADMIN', 'MANAGER'];
const EVERYONE = ['ADMIN', 'MANAGER', 'TECH'];
/** The main screens (client/src/app/AppRoutes.tsx and the tabs of each section), for the roles that open them. */
const SCREENS = [
  { name: 'calendar-week', path: '/planning/calendar?view=week', roles: PLANNER },
  { name: 'calendar-day', path: '/planning/calendar?view=day', roles: PLANNER },
  { name: 'calendar-month', path: '/planning/calendar?view=month', roles: PLANNER },
  { name: 'calendar-timeline', path: '/planning/calendar?view=timeline', roles: PLANNER },
  { name: 'projects', path: '/planning/projects', roles: PLANNER },
  { name: 'missions', path: '/planning/missions', roles: PLANNER },
  { name: 'people', path: '/planning/people', roles: PLANNER },
  { name: 'availability', path: '/planning/availability', roles: PLANNER },
  { name: 'planning-conflicts', path: '/planning/conflicts', roles: PLANNER },
  { name: 'my-missions', path: '/my-missions', roles: EVERYONE },
  { name: 'my-availability', path: '/my-missions/availability', roles: EVERYONE },
  { name: 'clock-in', path: '/timeclock/punch', roles: EVERYONE },
  { name: 'my-timesheets', path: '/timeclock/mine', roles: EVERYONE },
  { name: 'my-pin', path: '/timeclock/pin', roles: EVERYONE },
  { name: 'timesheets', path: '/timeclock/timesheets', roles: PLANNER },
  { name: 'payroll', path: '/timeclock/payroll', roles: PLANNER },
  { name: 'kiosks', path: '/timeclock/kiosks', roles: PLANNER },
  { name: 'pins', path: '/timeclock/pins', roles: PLANNER },
  { name: 'integrity', path: '/timeclock/chains', roles: PLANNER },
  { name: 'equipment', path: '/equipment', roles: PLANNER },
  { name: 'equipment-conflicts', path: '/equipment?tab=conflicts', roles: PLANNER },
  { name: 'equipment-incidents', path: '/equipment?tab=incidents', roles: PLANNER },
  { name: 'kpi-dashboards', path: '/kpi/dashboards', roles: EVERYONE },
  { name: 'kpi-entry', path: '/kpi/entry', roles: PLANNER },
  { name: 'kpi-direction', path: '/kpi/direction', roles: PLANNER },
  { name: 'kpi-imports', path: '/kpi/imports', roles: PLANNER },
  { name: 'verify-export', path: '/verify', roles: PLANNER },
  { name: 'analytics', path: '/analytics', roles: PLANNER },
  { name: 'conflicts', path: '/conflicts', roles: PLANNER },
  { name: 'refused', path: '/refused', roles: EVERYONE },
  { name: 'admin', path: '/admin', roles: ['ADMIN'] },
];

// ---------------------------------------------------------------------------------------------- options

const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : fallback;
}
function list(name, all) {
  const raw = option(name, null);
  if (!raw) return all;
  const picked = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = picked.filter((p) => !all.includes(p));
  if (unknown.length) {
    console.error(`[screenshots] unknown --${name}: ${unknown.join(', ')} (choose from ${all.join(', ')})`);
    process.exit(2);
  }
  return picked;
}
if (argv.includes('--help') || argv.includes('-h')) {
  const head = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//'));
  console.log(head.map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const roles = list('roles', [...Object.keys(ACCOUNTS), 'kiosk']);
const viewports = list('viewports', Object.keys(VIEWPORTS));
const locales = list('locales', ['fr', 'en']);
const themes = list('themes', ['light', 'dark']);
const screenWords = (option('screens', '') || '').split(',').map((s) => s.trim()).filter(Boolean);
const OUT = path.resolve(ROOT, option('out', 'screenshots'));
const PORT = Number(option('port', '8870'));
const FULL = argv.includes('--full');
const BASE = `http://127.0.0.1:${PORT}`;
const wanted = (name) => screenWords.length === 0 || screenWords.some((w) => name.includes(w));

// ---------------------------------------------------------------------------------------------- server

async function startServer() {
  if (!process.env.CLIENT_DIST) await ensureClientBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-shots-'));
  const env = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'test', AUTH_RATE_LIMIT: 'off', SEED_DEMO: 'always', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PUBLIC_URL: BASE };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'sync-server/src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server was not ready in 5 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return stop;
}

// ---------------------------------------------------------------------------------------------- browser

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** An in-app navigation (the router follows popstate): no reload, the local store stays open. */
async function goInApp(page, target) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, target);
}

/** The screen has drawn: its heading, the local store idle, fonts loaded, transitions over. */
async function settle(page) {
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 20_000 });
  // Signed in: the local store has finished a round (its last sync time is set) and is idle.
  await page
    .waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="sync-status"]');
        return !el || (el.getAttribute('data-phase') === 'idle' && Boolean(el.getAttribute('data-last-sync')));
      },
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(350);
}

const shots = [];

async function shoot(page, file, meta) {
  const target = path.join(OUT, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The caret blinks and focus rings move: hide the caret so two runs compare.
  await page.screenshot({ path: target, fullPage: FULL, caret: 'hide', animations: 'disabled' });
  shots.push({ file, ...meta });
}

async function newContext(browser, viewport, theme) {
  return browser.newContext({
    baseURL: BASE,
    viewport: VIEWPORTS[viewport],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    colorScheme: theme,
    serviceWorkers: 'block',
    reducedMotion: 'reduce',
  });
}

async function setLocale(page, locale) {
  await page.evaluate((l) => localStorage.setItem('cc.locale', l), locale);
}

async function roleOf(page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/me', { credentials: 'include' });
    const me = await res.json();
    return me?.role ?? me?.me?.role ?? null;
  });
}

async function accountShots(browser, key, viewport) {
  const context = await newContext(browser, viewport, 'light');
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByTestId('signin-email').fill(ACCOUNTS[key]);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('signout').or(page.getByTestId('account-menu-button')).first().waitFor({ timeout: 60_000 });
  const role = await roleOf(page);
  const screens = SCREENS.filter((s) => (!role || s.roles.includes(role)) && wanted(s.name));
  for (const locale of locales) {
    await setLocale(page, locale);
    await page.goto(screens[0]?.path ?? '/');
    for (const [i, screen] of screens.entries()) {
      if (i > 0) await goInApp(page, screen.path);
      try {
        await settle(page);
      } catch (err) {
        console.warn(`[screenshots] ${key} ${viewport} ${screen.name}: ${err.message.split('\n')[0]}`);
      }
      for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme });
        const n = String(i + 1).padStart(2, '0');
        await shoot(page, `${key}/${viewport}/${locale}-${theme}/${n}-${screen.name}.png`, { group: key, viewport, locale, theme, screen: screen.name });
      }
    }
  }
  await context.close();
}

/** A kiosk enrolled through the API for the demo theatre (the demo season has people on missions there today). */
async function kioskLink() {
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  const signIn = await api.post('/api/auth/sign-in/email', { data: { email: ACCOUNTS.manager, password: PASSWORD } });
  if (!signIn.ok()) throw new Error(`manager sign-in: ${signIn.status()}`);
  const res = await api.get(`/api/v1/sync/reference/pull?checkpoint=${encodeURIComponent(JSON.stringify({ seq: 0 }))}&limit=1000`);
  const { documents } = await res.json();
  const venues = documents.filter((d) => d.kind === 'venue' && !d._deleted);
  const venue = venues.find((v) => /plateau/i.test(v.name)) ?? venues[0];
  if (!venue) throw new Error('no venue in the demo data');
  const made = await api.post('/api/v1/timeclock/kiosks', { data: { venueId: venue.id, name: 'Tablette captures' } });
  if (made.status() !== 201) throw new Error(`kiosk enrolment: ${made.status()}`);
  const { token } = await made.json();
  await api.dispose();
  return `/kiosk#enrol=${token}`;
}

async function kioskShots(browser, viewport, link) {
  for (const locale of locales) {
    const context = await newContext(browser, viewport, 'dark');
    const page = await context.newPage();
    const meta = (screen) => ({ group: 'kiosk', viewport, locale, theme: 'dark', screen });
    const file = (n, screen) => `kiosk/${viewport}/${locale}/${n}-${screen}.png`;
    await page.goto('/kiosk');
    await setLocale(page, locale);
    await page.reload();
    if (wanted('kiosk-enrol')) {
      await page.getByTestId('kiosk-instructions').waitFor();
      await page.waitForTimeout(300);
      await shoot(page, file('01', 'kiosk-enrol'), meta('kiosk-enrol'));
    }
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByTestId('kiosk-roster').or(page.getByTestId('kiosk-no-roster')).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    if (wanted('kiosk-roster')) await shoot(page, file('02', 'kiosk-roster'), meta('kiosk-roster'));
    const tile = page.getByTestId('kiosk-tile').first();
    if (wanted('kiosk-pin') && (await tile.count())) {
      await tile.click();
      await page.getByTestId('kiosk-pin').waitFor();
      await page.waitForTimeout(300);
      await shoot(page, file('03', 'kiosk-pin'), meta('kiosk-pin'));
    }
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------- index

function writeIndex(seconds) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const groups = new Map();
  for (const s of shots) {
    const key = `${s.group} - ${s.viewport}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(s);
  }
  const sections = [...groups.entries()]
    .map(([title, items]) => {
      const figures = items
        .map((s) => `<figure><a href="${esc(s.file)}"><img src="${esc(s.file)}" loading="lazy" alt="${esc(`${s.screen}, ${s.locale}, ${s.theme}`)}"></a><figcaption>${esc(s.screen)} - ${esc(s.locale)} - ${esc(s.theme)}</figcaption></figure>`)
        .join('\n');
      return `<section><h2 id="${esc(title.replace(/\W+/g, '-'))}">${esc(title)}</h2>\n<div class="grid">\n${figures}\n</div></section>`;
    })
    .join('\n');
  const toc = [...groups.keys()].map((t) => `<li><a href="#${esc(t.replace(/\W+/g, '-'))}">${esc(t)}</a> (${groups.get(t).length})</li>`).join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Coulisses Crew - screenshots</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1rem; }
figure { margin: 0; }
img { width: 100%; border: 1px solid #ccc; }
figcaption { font-size: 0.8rem; color: #555; }
</style>
</head>
<body>
<h1>Coulisses Crew - screenshots</h1>
<p>${shots.length} screenshots, ${new Date().toISOString()}, ${seconds} s. Made by <code>npm run screenshots</code> (scripts/screenshots.mjs).</p>
<ul>
${toc}
</ul>
${sections}
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, 'index.html'), html);
}

// ---------------------------------------------------------------------------------------------- run

const started = Date.now();
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const stopServer = await startServer();
let browser;
let code = 0;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const accounts = roles.filter((r) => r !== 'kiosk');
  for (const key of accounts) {
    for (const viewport of viewports.filter((v) => APP_VIEWPORTS.includes(v))) {
      const t0 = Date.now();
      await accountShots(browser, key, viewport);
      console.log(`[screenshots] ${key} ${viewport}: ${Math.round((Date.now() - t0) / 1000)} s`);
    }
  }
  const kioskSizes = viewports.filter((v) => KIOSK_VIEWPORTS.includes(v));
  if (roles.includes('kiosk') && kioskSizes.length > 0) {
    const link = await kioskLink();
    for (const viewport of kioskSizes) {
      // A new enrolment link each time: an enrolment consumes its link.
      await kioskShots(browser, viewport, viewport === kioskSizes[0] ? link : await kioskLink());
      console.log(`[screenshots] kiosk ${viewport} done`);
    }
  }
} catch (err) {
  console.error('[screenshots] failed:', err);
  code = 1;
} finally {
  await browser?.close();
  await stopServer();
}
const seconds = Math.round((Date.now() - started) / 1000);
writeIndex(seconds);
console.log(`[screenshots] ${shots.length} files in ${path.relative(ROOT, OUT) || OUT}/ (index.html) in ${seconds} s`);
process.exit(code);
