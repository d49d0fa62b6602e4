// npm run dev: the sync server restarted on change (tsx watch) and Vite with hot reload on :5173.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';
import { npmCmd } from './lib/run.mjs';

const env = { ...process.env, TRUSTED_ORIGINS: process.env.TRUSTED_ORIGINS ?? 'http://localhost:5173', PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173' };
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', path.join(ROOT, 'sync-server/src/main.ts')], { stdio: 'inherit', cwd: ROOT, env }),
  spawn(npmCmd, ['run', 'dev', '-w', 'client'], { stdio: 'inherit', cwd: ROOT, env, shell: process.platform === 'win32' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; }));
