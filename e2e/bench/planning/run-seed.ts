/**
 * The seeding step of bench:planning alone (no browser): the data set (by default 400 people, 5 000 missions,
 * 20 000 assignments and their acceptances) pushed through POST /api/v1/sync/<collection>/push in batches of 500
 * to a sync server on a fresh database, with the figure per collection in docs/s.
 *   node --import tsx e2e/bench/planning/run-seed.ts [--backend pglite|postgres] [--missions N --assignments N --users N]
 * BENCH_PORT sets the server's port (else a free one).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '@playwright/test';
import { generate } from './data';
import { seedServer } from './seed';
import { startServer } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const backendArg = process.argv.indexOf('--backend');
const BACKEND = (backendArg >= 0 ? process.argv[backendArg + 1] : 'pglite') as 'pglite' | 'postgres';
const OPTS = { missions: arg('missions', 5000), assignments: arg('assignments', 20000), users: arg('users', 400), weeks: arg('weeks', 52), firstMonday: '2027-01-04' };
const log = (line: string) => process.stdout.write(`${line}\n`);

const data = generate(OPTS);
const server = await startServer(ROOT, BACKEND, Number(process.env.BENCH_PORT ?? 0));
try {
  const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  const signed = await api.post('/api/auth/sign-in/email', { data: { email: 'manager@coulisses.demo', password: 'coulisses2026' } });
  if (signed.status() !== 200) throw new Error(`sign-in: HTTP ${signed.status()}`);
  log(`seeding on ${BACKEND}: ${data.users.length} people, ${data.missions.length} missions, ${data.assignments.length} assignments, ${data.accepted.length} acceptances`);
  const ms = await seedServer(api, data, log);
  log(`server load: ${(ms / 1000).toFixed(1)} s`);
  await api.dispose();
} finally {
  await server.stop();
}
