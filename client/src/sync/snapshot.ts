import type { Checkpoint, SnapshotPart } from '@coulisses/shared';
import type { SyncCollection } from './database';
import { SnapshotWriter } from './snapshot-store';
import type { HttpTransport } from './transport';

export const SNAPSHOT_PAGE = 2000;

export interface SnapshotLoad {
  transport: HttpTransport;
  collection: SyncCollection;
  part: SnapshotPart;
  /** null for a new snapshot; the window part's checkpoint for the rest (one change number for both). */
  checkpoint: Checkpoint | null;
  /** The device's day, YYYY-MM-DD (the window is computed around it). */
  day: string;
  /** Ids never written from the snapshot: unpushed local writes of a reset collection. */
  skip: ReadonlySet<string>;
  limit?: number;
  /** After each page is stored: how many documents it carried. */
  onPage?: (documents: number) => void;
  /** Checked between pages: true stops the load (the engine stopped). */
  cancelled?: () => boolean;
}

/** The device's calendar day (local time), YYYY-MM-DD. */
export function deviceDay(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Loads one part of a collection's snapshot into the local store, page after page, the next page requested while
 * the previous one is written. Answers the snapshot's checkpoint: the live replication starts from it.
 */
export async function loadSnapshot(load: SnapshotLoad): Promise<Checkpoint | null> {
  const { transport, collection, part, day } = load;
  const limit = load.limit ?? SNAPSHOT_PAGE;
  const writer = await SnapshotWriter.open(collection);
  let checkpoint = load.checkpoint;
  let request = transport.snapshot(collection.name, { checkpoint, after: '', limit, part, day });
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const page = await request;
      if (checkpoint && (page.checkpoint.seq !== checkpoint.seq || page.checkpoint.scope !== checkpoint.scope)) throw new Error('snapshot checkpoint moved');
      checkpoint = page.checkpoint;
      if (page.next) {
        request = transport.snapshot(collection.name, { checkpoint, after: page.next, limit, part, day });
        request.catch(() => undefined);
      }
      await writing;
      if (load.cancelled?.()) return null;
      const docs = load.skip.size > 0 ? page.documents.filter((d) => !load.skip.has(d.id)) : page.documents;
      writing = writer.write(docs).then(() => load.onPage?.(page.documents.length));
      if (!page.next) break;
    }
    await writing;
    return checkpoint;
  } finally {
    await writing.catch(() => undefined);
    await writer.close().catch(() => undefined);
  }
}
