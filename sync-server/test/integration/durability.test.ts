import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn } from '../helpers/client';
import { person, TestDevice } from '../helpers/docs';
import { flakyProxy } from '../helpers/flaky-proxy';
import { startServerProcess } from '../helpers/process';
import { seedDataDir, seededScratchDatabase } from '../helpers/template-use';
import { rxClient } from '../helpers/rx-client';
import { serverDocs } from '../helpers/sync-assert';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();
const PUNCHES = 60;

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(backends)('durability of offline punches on %s', (backend) => {
  it('arrive exactly once across a kill -9 and restart of the server and a proxy that keeps cutting connections', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-durable-'));
    const scratch = backend === 'postgres' ? await seededScratchDatabase() : undefined;
    if (!scratch) await seedDataDir(dataDir);
    const env = { DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '', SEED_DEMO: 'always' };
    let proc = startServerProcess(env);
    let url = await proc.url;
    const target = { port: Number(new URL(url).port) };
    const proxy = await flakyProxy(target, 150);
    try {
      const manager = await signedIn(url, 'manager@coulisses.demo');
      const tech = await rxClient(proxy.url, 'tech@coulisses.demo', { collections: ['field_events'], signInUrl: url });
      const techAccount = ((await (await tech.http.get('/api/v1/me')).json()) as { account: { id: string } }).account.id;
      // The demo season links tech@ to its person; without it, a new person is linked.
      let me = [...(await serverDocs(manager, 'users')).values()].find((d) => d.accountId === techAccount && !d._deleted);
      if (!me) {
        me = person({ accountId: techAccount });
        await create(manager, 'users', [me]);
      }
      await tech.start();

      tech.setOffline(true);
      const ids: string[] = [];
      const device = new TestDevice();
      for (let i = 0; i < PUNCHES; i++) {
        const p = device.punch(me.id, i % 2 ? 'OUT' : 'IN');
        ids.push(p.id);
        const { _deleted: _d, ...doc } = p;
        await tech.db.collections.field_events!.insert(doc);
      }
      expect(tech.outbox.pendingCount()).toBe(PUNCHES);

      tech.setOffline(false);
      await new Promise((r) => setTimeout(r, 250));
      proc.child.kill('SIGKILL');
      await proc.exited;
      proc = startServerProcess({ ...env, SEED_DEMO: 'never' });
      url = await proc.url;
      target.port = Number(new URL(url).port);
      tech.engine.online();

      const manager2 = await signedIn(url, 'manager@coulisses.demo');
      await until(async () => {
        const docs = await serverDocs(manager2, 'field_events');
        return ids.every((id) => docs.has(id));
      }, 90_000, 'all punches on the server');
      await until(async () => tech.outbox.pendingCount() === 0, 30_000, 'the outbox to empty');
      const onServer = await serverDocs(manager2, 'field_events');
      // This device's punches (the demo season has its own on other devices).
      const punches = [...onServer.values()].filter((d) => d.kind === 'PUNCH' && d.deviceId === device.deviceId);
      expect(punches.map((d) => d.id).sort()).toEqual([...ids].sort());
      expect(new Set(punches.map((d) => (d.payload as { seq: number }).seq)).size).toBe(PUNCHES);
      for (const d of punches) expect(d.receivedAt).toBeTruthy();
      expect(proxy.cuts).toBeGreaterThan(0);
      await tech.close();
    } finally {
      await proxy.close();
      proc.child.kill('SIGTERM');
      await proc.exited;
      await scratch?.drop();
    }
  });
});
