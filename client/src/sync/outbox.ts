import type { DiscardedValue, SyncDoc } from '@coulisses/shared';

/** A JSON key-value store: localStorage in the browser (shared by tabs), a Map in tests. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  /** Forgets a key (absent: the key is overwritten with an empty ledger). */
  remove?(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
}

export interface RejectedWrite {
  collection: string;
  id: string;
  code: string;
  message: string;
  field?: string;
  /** The state the server refused (kept here so nothing is lost; the row stays local). */
  doc: SyncDoc;
  at: string;
  /** For a diverted write (locked rule): the adjustment request that was created instead. */
  eventId?: string;
}

/**
 * Values of a write of this device that the server's conflict rule discarded while it applied the rest of the
 * write (another writer changed the same fields later). The author is told, and may apply them again.
 */
export interface DiscardedEdit {
  collection: string;
  id: string;
  /** The conflict log entry of the (latest) merge. */
  conflictId: string;
  rule: string;
  /** Per field: the value kept by the server and the author's value that was discarded. */
  fields: DiscardedValue[];
  at: string;
}

/** At most this many discarded edits are kept (the oldest go first): the ledger lives in localStorage. */
export const MAX_DISCARDED = 200;

/** Key prefix of the outbox ledgers in the store (a storage event on one of them means another tab wrote). */
export const OUTBOX_KEY_PREFIX = 'cc.outbox.';

interface OutboxState {
  /** collection -> id -> updatedAt of the newest local write not yet acknowledged by the server. */
  pending: Record<string, Record<string, string>>;
  rejected: RejectedWrite[];
  /** Values of this device's writes the server discarded while merging, until applied again or dismissed. */
  discarded: DiscardedEdit[];
}

/**
 * What the user sees of the writes the server has not taken yet: pending local writes per collection and the
 * writes it refused, with their reason. The writes themselves live in RxDB; this is their ledger, shared by
 * the tabs of one database through localStorage.
 */
export class Outbox {
  private readonly key: string;
  private listeners = new Set<() => void>();
  constructor(private readonly store: KeyValueStore, dbName: string) {
    this.key = `${OUTBOX_KEY_PREFIX}${dbName}`;
  }

  private state: OutboxState | null = null;
  private raw: string | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The ledger: this tab's unsaved state, else the stored one (parsed again only when it changed). */
  private read(): OutboxState {
    if (this.dirty && this.state) return this.state;
    const raw = this.store.get(this.key);
    if (this.state && raw === this.raw) return this.state;
    this.raw = raw;
    try {
      const s = raw ? (JSON.parse(raw) as Partial<OutboxState>) : {};
      this.state = { pending: s.pending ?? {}, rejected: s.rejected ?? [], discarded: Array.isArray(s.discarded) ? s.discarded : [] };
    } catch {
      this.state = { pending: {}, rejected: [], discarded: [] };
    }
    return this.state;
  }

  /**
   * Changes are kept in memory and saved once per burst (a bulk insert of thousands of documents would
   * otherwise rewrite the whole ledger for each one); listeners hear of it once, after saving.
   */
  private write(state: OutboxState): void {
    this.state = state;
    this.dirty = true;
    this.timer ??= setTimeout(() => this.flush(), 0);
  }

  /** Saves the ledger now (also called before the page goes away). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty || !this.state) return;
    this.raw = JSON.stringify(this.state);
    this.store.set(this.key, this.raw);
    this.dirty = false;
    this.changed();
  }

  /** The store left the device: forget the ledger (the caller has counted what it held). */
  forget(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.state = { pending: {}, rejected: [], discarded: [] };
    this.raw = null;
    if (this.store.remove) this.store.remove(this.key);
    else this.store.set(this.key, JSON.stringify(this.state));
    this.changed();
  }

  /** Call when another tab changed the store (storage event). */
  changed(): void {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A local write happened. */
  add(collection: string, id: string, updatedAt: string): void {
    const s = this.read();
    const byId = (s.pending[collection] ??= {});
    if ((byId[id] ?? '') < updatedAt) byId[id] = updatedAt;
    s.rejected = s.rejected.filter((r) => !(r.collection === collection && r.id === id));
    this.write(s);
  }

  /** The server took (or merged) the write of `id` as of `updatedAt`. */
  ack(collection: string, rows: { id: string; updatedAt: string; deleted?: boolean }[]): void {
    if (rows.length === 0) return;
    const s = this.read();
    const byId = s.pending[collection];
    if (!byId) return;
    for (const r of rows) if (byId[r.id] !== undefined && (r.deleted || byId[r.id]! <= r.updatedAt)) delete byId[r.id];
    this.write(s);
  }

  reject(items: RejectedWrite[]): void {
    if (items.length === 0) return;
    const s = this.read();
    for (const item of items) {
      delete s.pending[item.collection]?.[item.id];
      s.rejected = s.rejected.filter((r) => !(r.collection === item.collection && r.id === item.id));
      s.rejected.push(item);
    }
    this.write(s);
  }

  dismiss(collection: string, id: string): void {
    const s = this.read();
    s.rejected = s.rejected.filter((r) => !(r.collection === collection && r.id === id));
    this.write(s);
  }

  /**
   * Records what the server discarded of this device's writes. A second notice about the same document joins
   * the first: its fields replace those of the same name (the latest merge tells the current kept value).
   */
  recordDiscarded(items: DiscardedEdit[]): void {
    const useful = items.filter((i) => i.fields.length > 0);
    if (useful.length === 0) return;
    const s = this.read();
    for (const item of useful) {
      const prev = s.discarded.find((d) => d.collection === item.collection && d.id === item.id);
      const fields = prev ? [...prev.fields.filter((f) => !item.fields.some((n) => n.field === f.field)), ...item.fields] : item.fields;
      s.discarded = s.discarded.filter((d) => d !== prev);
      s.discarded.push({ ...item, fields });
    }
    if (s.discarded.length > MAX_DISCARDED) s.discarded = s.discarded.slice(-MAX_DISCARDED);
    this.write(s);
  }

  /** The notice about a document goes away (applied again, or dismissed by its author). */
  dismissDiscarded(collection: string, id: string): void {
    const s = this.read();
    if (!s.discarded.some((d) => d.collection === collection && d.id === id)) return;
    s.discarded = s.discarded.filter((d) => !(d.collection === collection && d.id === id));
    this.write(s);
  }

  discarded(): DiscardedEdit[] {
    return this.read().discarded;
  }

  /** Writes that never reached the server: pending ones and refused ones. */
  unsentCount(): number {
    return this.pendingCount() + this.rejected().length;
  }

  pendingCount(collection?: string): number {
    const s = this.read();
    const cols = collection ? [collection] : Object.keys(s.pending);
    return cols.reduce((n, c) => n + Object.keys(s.pending[c] ?? {}).length, 0);
  }

  pendingIds(collection: string): string[] {
    return Object.keys(this.read().pending[collection] ?? {});
  }

  hasPending(collection: string): boolean {
    return this.pendingCount(collection) > 0;
  }

  rejected(): RejectedWrite[] {
    return this.read().rejected;
  }
}
