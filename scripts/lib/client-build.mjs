import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun, npmCmd } from './run.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_INDEX = path.join(ROOT, 'client', 'dist', 'index.html');
const SOURCES = ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'shared/src'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when client/dist is missing or older than any client or shared source. */
export function clientBuildIsStale() {
  if (!fs.existsSync(DIST_INDEX)) return true;
  const built = fs.statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

/** Builds the PWA when needed, so `npm start` and the e2e tests always serve the current client. */
export async function ensureClientBuild() {
  if (!clientBuildIsStale()) return;
  console.log('[coulisses] building the client (client/dist)...');
  await mustRun(npmCmd, ['run', 'build', '-w', 'client'], { cwd: ROOT });
}
