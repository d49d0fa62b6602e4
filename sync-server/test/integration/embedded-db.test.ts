import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedDatabase } from '../../src/db/embedded';
import { availableBackends } from '../helpers/backends';
import { signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

interface Listener {
  kind: 'tcp' | 'unix';
  address: string;
}

/** Socket inodes open in this process (the test worker, which also runs the server under test). */
function ownSocketInodes(): Set<string> {
  const out = new Set<string>();
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`));
      if (m) out.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** Listening TCP (v4 and v6) and Unix sockets of this process, read from /proc. */
function ownListeners(): Listener[] {
  const mine = ownSocketInodes();
  const out: Listener[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 0A is LISTEN, the inode is the tenth column.
      if (cols.length < 10 || cols[3] !== '0A' || !mine.has(cols[9]!)) continue;
      out.push({ kind: 'tcp', address: String(parseInt(cols[1]!.split(':')[1]!, 16)) });
    }
  }
  for (const line of fs.readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    // Flags 00010000 (__SO_ACCEPTCON) marks a listening socket; the inode is the seventh column.
    if (cols.length < 7 || cols[3] !== '00010000' || !mine.has(cols[6]!)) continue;
    out.push({ kind: 'unix', address: cols[7] ?? '(abstract)' });
  }
  return out;
}

const key = (l: Listener) => `${l.kind}:${l.address}`;

describe.each(backends)('the database of the server on %s', (backend) => {
  describe('reachable by the server alone', () => {
    let server: TestServer | undefined;
    afterAll(async () => server?.close());

    it('starting the server opens no listening socket but its HTTP port (no TCP port, no socket file for the database)', async () => {
      const before = new Set(ownListeners().map(key));
      server = await startTestServer(backend);
      const opened = ownListeners().filter((l) => !before.has(key(l)));
      expect(opened).toEqual([{ kind: 'tcp', address: String(server.port) }]);
      // And the server works on it.
      const manager = await signedIn(server.url, 'manager@coulisses.demo');
      expect((await manager.get('/api/v1/me')).status).toBe(200);
      expect(server.deps.db.kind).toBe(backend);
    });
  });

  describe.runIf(backend === 'pglite')('the embedded database on disk', () => {
    let server: TestServer | undefined;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-embedded-'));
      // A data directory left readable by everyone (umask 022) is made owner-only at start.
      fs.chmodSync(dataDir, 0o755);
    });
    afterAll(async () => {
      await server?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps its files in an owner-only directory and listens nowhere', async () => {
      const before = new Set(ownListeners().map(key));
      server = await startTestServer('pglite', { dataDir });
      expect(ownListeners().filter((l) => !before.has(key(l)))).toEqual([{ kind: 'tcp', address: String(server.port) }]);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect((await (await signedIn(server.url, 'tech@coulisses.demo')).get('/api/v1/me')).status).toBe(200);
    });
  });

  describe.runIf(backend === 'pglite')('in-process connections to PGlite', () => {
    const options = { max: 1, idle_timeout: 0, username: 'postgres', database: 'postgres', onnotice: () => undefined };

    it('serves any number of connections one statement at a time, and a reconnect is never refused', async () => {
      const db = await startEmbeddedDatabase('memory://');
      try {
        const clients = Array.from({ length: 8 }, () => postgres({ ...options, socket: () => db.connect() } as postgres.Options<Record<string, postgres.PostgresType>>));
        await clients[0]!`create table t (n int)`;
        await Promise.all(clients.flatMap((sql, i) => Array.from({ length: 10 }, (_, j) => sql`insert into t values (${i * 10 + j})`)));
        expect((await clients[0]!`select count(*)::int as n from t`)[0]!.n).toBe(80);
        // Ending a client and opening a new one, again and again: each gets its connection.
        for (let i = 0; i < 5; i++) {
          await clients[i]!.end();
          clients[i] = postgres({ ...options, socket: () => db.connect() } as postgres.Options<Record<string, postgres.PostgresType>>);
          expect((await clients[i]!`select count(*)::int as n from t`)[0]!.n).toBe(80);
        }
        await Promise.all(clients.map((sql) => sql.end()));
      } finally {
        await db.close();
      }
    });

    it('rolls back the transaction of a connection that goes away, and the others wait for it rather than join it', async () => {
      const db = await startEmbeddedDatabase('memory://');
      const sql = postgres({ ...options, socket: () => db.connect() } as postgres.Options<Record<string, postgres.PostgresType>>);
      try {
        await sql`create table t (n int)`;
        // A bare wire-protocol client: startup, then BEGIN and an INSERT in one simple query, left open.
        const conn = db.connect();
        const statuses: string[] = [];
        let pending = Buffer.alloc(0);
        conn.on('data', (chunk: Buffer) => {
          pending = Buffer.concat([pending, chunk]);
          while (pending.length >= 5 && pending.length >= 1 + pending.readInt32BE(1)) {
            if (pending[0] === 0x5a) statuses.push(String.fromCharCode(pending[5]!));
            pending = pending.subarray(1 + pending.readInt32BE(1));
          }
        });
        const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
        const startup = Buffer.alloc(8 + params.length);
        startup.writeInt32BE(startup.length, 0);
        startup.writeInt32BE(196608, 4);
        params.copy(startup, 8);
        const text = Buffer.from('begin; insert into t values (1);\0');
        const query = Buffer.alloc(5 + text.length);
        query.write('Q', 0);
        query.writeInt32BE(4 + text.length, 1);
        text.copy(query, 5);
        conn.write(startup);
        conn.write(query);
        await vi.waitFor(() => expect(statuses).toEqual(['I', 'T']));
        expect(db.pglite.isInTransaction()).toBe(true);

        // Another connection's query waits for that transaction instead of running inside it...
        let answered = false;
        const other = sql`select count(*)::int as n from t`.then((rows) => {
          answered = true;
          return rows[0]!.n;
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(answered).toBe(false);
        conn.destroy();
        await once(conn, 'close');
        // ...and sees nothing of it once it is rolled back.
        expect(await other).toBe(0);
        expect(db.pglite.isInTransaction()).toBe(false);
      } finally {
        await sql.end();
        await db.close();
      }
    });
  });
});
