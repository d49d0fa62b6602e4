// npm start: build the PWA if needed, then run the sync server (which serves it) until SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureClientBuild } from './lib/client-build.mjs';

await ensureClientBuild();
const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'sync-server/src/main.ts')], {
  stdio: 'inherit',
  cwd: ROOT,
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
