import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process';

function startProcess(dataDir: string) {
  const p = startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', AUTH_RATE_LIMIT: undefined });
  return { child: p.child, url: p.url.then((u) => u.replace('127.0.0.1', 'localhost')), output: p.output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('the server process on an embedded database', () => {
  it('seeds a new data directory once, keeps its data across restarts, and stops cleanly on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-data-'));
    const first = startProcess(dataDir);
    const url = await first.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'tech@coulisses.demo', password: 'coulisses2026' }),
    });
    expect(signIn.status).toBe(200);
    expect(first.output()).toContain('demo organisation created');
    expect(first.output()).not.toContain('coulisses2026');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    const second = startProcess(dataDir);
    const url2 = await second.url;
    const again = await fetch(`${url2}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url2 },
      body: JSON.stringify({ email: 'tech@coulisses.demo', password: 'coulisses2026' }),
    });
    expect(again.status).toBe(200);
    expect(second.output()).not.toContain('demo organisation created');
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
    // Two cold starts of the real process (tsx, PGlite, migrations, seed): over a minute on a loaded machine.
  });
});
