// Starts one sync server for the e2e tests on a fresh database: `--backend pglite` (a new temp data
// directory) or `--backend postgres` (a new database on TEST_DATABASE_URL's server, dropped on exit).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { ROOT } from './lib/client-build.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const backend = arg('backend', 'pglite');
const port = arg('port', '8790');
const env = { ...process.env, PORT: port, HOST: '127.0.0.1', NODE_ENV: 'test', AUTH_RATE_LIMIT: 'off', WEBHOOKS_ALLOW_PRIVATE: 'on', SEED_DEMO: 'always', LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-'));
env.DATA_DIR = dataDir;
// The SMTP sink of the e2e specs listens on the server's port + 1000 (started by the spec that reads the mail);
// until then sends fail and are retried.
env.SMTP_URL = `smtp://127.0.0.1:${Number(port) + 1000}`;
env.JOB_RETRY_BASE_MS = '1000';
let dropDatabase = async () => {};

if (backend === 'postgres') {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `cc_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const a = postgres(base, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  };
} else {
  delete env.DATABASE_URL;
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'sync-server/src/main.ts')], { cwd: ROOT, env, stdio: 'inherit' });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', async (code) => {
  await dropDatabase().catch((err) => console.error(err));
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
