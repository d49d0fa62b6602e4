import fs from 'node:fs/promises';
import { Duplex } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedDatabase {
  pglite: PGlite;
  /**
   * Opens a new Postgres wire-protocol connection to PGlite inside this process (postgres.js `socket`
   * option). Nothing listens: no TCP port, no Unix socket, so no other process can reach the database.
   */
  connect(): Duplex;
  /** True when the data directory held no database before this start. */
  created: boolean;
  close(): Promise<void>;
}

/** Startup-phase requests that carry no type byte (protocol constants from the Postgres docs). */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Terminate ('X'): the client is leaving; the connection ends here, PGlite never sees it. */
const TERMINATE = 0x58;

/**
 * Starts PGlite on `dataDir` (or in memory for 'memory://'). The server reaches it through postgres.js as it
 * reaches a real Postgres, over in-process connections made by connect(): each is a duplex stream whose
 * messages are run by PGlite one at a time. `loadDataDir` fills an in-memory database from a dumped data
 * directory (PGlite dumpDataDir; the tests' seeded template, docs/testing.md).
 */
export async function startEmbeddedDatabase(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  let created = !opts.loadDataDir;
  if (dataDir !== 'memory://') {
    // The database files are for this server alone: owner-only, as Postgres itself requires of its data directory.
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await fs.chmod(dataDir, 0o700).catch(() => undefined);
    created = !(await exists(`${dataDir}/PG_VERSION`));
  }
  const pglite = dataDir === 'memory://' ? await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : undefined) : await PGlite.create(dataDir);
  const wire = new WireQueue(pglite);
  return {
    pglite,
    created,
    connect: () => wire.connect(),
    async close() {
      await wire.close();
      await pglite.close();
    },
  };
}

interface Pending {
  conn: WireConnection;
  message: Uint8Array;
}

/**
 * PGlite is one Postgres session: every connection's messages go through this one queue, run one at a
 * time. While a connection holds a transaction open, only its own messages run; when it goes away in the
 * middle of one, the transaction is rolled back so the next connection starts clean.
 */
class WireQueue {
  private queue: Pending[] = [];
  private running = false;
  private owner: WireConnection | null = null;
  private readonly open = new Set<WireConnection>();
  private closed = false;

  constructor(private readonly db: PGlite) {}

  connect(): WireConnection {
    const conn = new WireConnection(this);
    if (this.closed) {
      queueMicrotask(() => conn.destroy(new Error('embedded database closed')));
      return conn;
    }
    this.open.add(conn);
    return conn;
  }

  enqueue(conn: WireConnection, message: Uint8Array): void {
    this.queue.push({ conn, message });
    void this.drain();
  }

  /** A connection went away: drop its waiting messages and roll back the transaction it left open. */
  async release(conn: WireConnection): Promise<void> {
    this.open.delete(conn);
    this.queue = this.queue.filter((p) => p.conn !== conn);
    if (this.owner === conn) {
      this.owner = null;
      if (!this.closed && this.db.isInTransaction()) {
        // exec takes PGlite's own lock: it runs between two queued messages.
        await this.db.exec('rollback').catch(() => undefined);
      }
    }
    void this.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const conn of [...this.open]) conn.destroy();
    while (this.running) await new Promise((resolve) => setImmediate(resolve));
  }

  private next(): Pending | undefined {
    if (this.owner && this.db.isInTransaction()) {
      const i = this.queue.findIndex((p) => p.conn === this.owner);
      return i === -1 ? undefined : this.queue.splice(i, 1)[0];
    }
    return this.queue.shift();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const { conn, message } = item;
        if (conn.destroyed || this.closed) continue;
        this.owner = conn;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(message, { onRawData: (data) => conn.deliver(data) }));
        } catch (err) {
          conn.destroy(err as Error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * One client connection: what postgres.js writes is cut into protocol messages and queued; what PGlite
 * answers is pushed back. Looks enough like a net.Socket for postgres.js (readyState, close events).
 */
class WireConnection extends Duplex {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly wire: WireQueue) {
    super({ allowHalfOpen: false });
  }

  get readyState(): 'open' | 'readOnly' | 'closed' {
    if (this.destroyed) return 'closed';
    return this.writableEnded ? 'readOnly' : 'open';
  }

  deliver(data: Uint8Array): void {
    if (!this.destroyed && data.length > 0) this.push(Buffer.from(data));
  }

  override _read(): void {
    // Answers are pushed as PGlite produces them.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    try {
      this.split();
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    callback();
    this.destroy();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    void this.wire.release(this).finally(() => callback(err));
  }

  /** Cuts the buffer into whole messages: untyped startup-phase ones first, then typed ones. */
  private split(): void {
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.push(Buffer.from('N'));
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // PGlite runs one statement at a time in this process; there is nothing to cancel.
          setImmediate(() => this.destroy());
          return;
        }
        if (code !== PROTOCOL_3) throw new Error(`unsupported startup message ${code}`);
        this.started = true;
        this.wire.enqueue(this, new Uint8Array(message));
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) return;
      const type = this.buffer[0];
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      if (type === TERMINATE) {
        setImmediate(() => this.destroy());
        return;
      }
      this.wire.enqueue(this, new Uint8Array(message));
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
