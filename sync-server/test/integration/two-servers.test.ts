import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SyncDoc } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { project } from '../helpers/docs';
import { startServerProcess } from '../helpers/process';
import { create, openEvents } from '../helpers/sync-http';
import { seededScratchDatabase } from '../helpers/template-use';

const backends = await availableBackends();
const WRITERS = 6;
const DOCS_PER_WRITER = 60;

describe.runIf(backends.includes('postgres'))('two server instances on one PostgreSQL', () => {
  it('a client pulling alternately from both, while writers hit both concurrently, receives every change', async () => {
    const scratch = await seededScratchDatabase();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-two-'));
    const env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    const first = startServerProcess({ ...env, SEED_DEMO: 'always' });
    const url1 = await first.url;
    const second = startServerProcess({ ...env, SEED_DEMO: 'never' });
    const url2 = await second.url;
    try {
      const servers = [url1, url2];
      const writers: TestClient[] = [];
      for (let i = 0; i < WRITERS; i++) writers.push(await signedIn(servers[i % 2]!, i % 2 ? 'admin@coulisses.demo' : 'manager@coulisses.demo'));
      const readers = [await signedIn(url1, 'manager@coulisses.demo'), await signedIn(url2, 'manager@coulisses.demo')];

      const written = new Map<string, string>();
      let writing = true;
      const writes = writers.map(async (w, i) => {
        for (let n = 0; n < DOCS_PER_WRITER; n++) {
          const doc = project({ name: `w${i}-${n}` });
          written.set(doc.id, doc.name as string);
          await create(w, 'projects', [doc]);
        }
      });
      const all = Promise.all(writes).then(() => (writing = false));

      // The reader alternates servers with one checkpoint and small pages, during and after the writes.
      const seen = new Map<string, SyncDoc>();
      let checkpoint = { seq: 0 };
      let turn = 0;
      let idleRounds = 0;
      while (writing || idleRounds < 2) {
        const reader = readers[turn++ % 2]!;
        const res = await reader.get(`/api/v1/sync/projects/pull?limit=7&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: { seq: number } };
        expect(body.checkpoint.seq).toBeGreaterThanOrEqual(checkpoint.seq);
        for (const d of body.documents) seen.set(d.id, d);
        checkpoint = body.checkpoint;
        if (!writing && body.documents.length === 0) idleRounds += 1;
      }
      await all;
      expect(written.size).toBe(WRITERS * DOCS_PER_WRITER);
      const missing = [...written.keys()].filter((id) => !seen.has(id));
      expect(missing).toEqual([]);
      for (const [id, name] of written) expect(seen.get(id)?.name).toBe(name);
    } finally {
      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      await Promise.all([first.exited, second.exited]);
      await scratch.drop();
    }
  });

  it('a stream on one instance hears writes made through the other (LISTEN/NOTIFY)', async () => {
    const scratch = await seededScratchDatabase();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-two-'));
    const env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    const first = startServerProcess({ ...env, SEED_DEMO: 'always' });
    const url1 = await first.url;
    const second = startServerProcess({ ...env, SEED_DEMO: 'never', });
    const url2 = await second.url;
    try {
      const listener = await signedIn(url1, 'manager@coulisses.demo');
      const writer = await signedIn(url2, 'admin@coulisses.demo');
      const stream = await openEvents(listener, '/api/v1/sync/stream?collections=projects');
      try {
        await create(writer, 'projects', [project({ name: 'Cross instance' })]);
        // Heard through NOTIFY: the wait gives up before the stream's own 10 s poll could have found the write.
        await stream.until((events) => events.some((e) => e.event === 'projects' && e.data.includes('Cross instance')), 'the write made through the other instance', 9_000);
      } finally {
        await stream.close();
      }
    } finally {
      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      await Promise.all([first.exited, second.exited]);
      await scratch.drop();
    }
  });
});
