import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config';

export interface ServerProcess {
  child: ChildProcess;
  url: Promise<string>;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `sync-server/src/main.ts` as `npm start` does, on a free port; `url` resolves once it listens. */
export function startServerProcess(env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', AUTH_RATE_LIMIT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"http:\/\/localhost:(\d+)".*"msg":"listening"/.exec(out);
      if (m?.[1]) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited ${code}: ${out.slice(-2000)}`)));
  });
  url.catch(() => undefined);
  return { child, url, output: () => out, exited };
}
