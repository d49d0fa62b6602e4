import type { SyncDoc } from './types';

/**
 * The sync wire protocol in one place: versions, headers, the shapes of pull, push and stream messages, and the
 * one Server-Sent Events parser used by the app, the tests and the benchmarks. The server and the client both
 * import from here; docs/sync-protocol.md describes the same thing in words.
 *
 * Version history:
 * - 1: pull {documents, checkpoint: {seq}}, push with ?details=1 {conflicts, rejected, diverted, written}.
 * - 2: checkpoints carry the viewer's read-scope signature (`scope`), a pull whose scope changed answers 410
 *      SCOPE_CHANGED; push details add `merged` (values of the writer the conflict rule discarded); streams end
 *      with an END event when the viewer's access changes; X-Sync-Protocol and X-Schema-Version headers.
 * - 3: GET /sync/{collection}/snapshot (first sync of a fresh or reset collection: the live documents the viewer
 *      may read at one change number, in pages by id, window first); a version 2 client never calls it.
 */
export const SYNC_PROTOCOL_VERSION = 3;
/** The oldest protocol a client may speak; older clients are answered 426 APP_UPDATE_REQUIRED. */
export const SYNC_PROTOCOL_MIN = 2;

/** Request header: the protocol version the client speaks. Absent: a plain RxDB client, accepted. */
export const SYNC_PROTOCOL_HEADER = 'x-sync-protocol';
/** Request header on collection routes: the registry version (EntityDef.version) of the client's collection. */
export const SCHEMA_VERSION_HEADER = 'x-schema-version';
/** Request header on push: the device's clock (ISO 8601) when it sent the request. */
export const DEVICE_TIME_HEADER = 'x-device-time';
/** Request header: the organisation the client's local store belongs to (409 ORG_MISMATCH otherwise). */
export const ORG_HEADER = 'x-org-id';

/**
 * Where a pull or a stream event stands: the organisation's change number, and the signature of the read scope
 * it was computed for (role, linked person, scope definitions). A pull with another scope is answered 410
 * SCOPE_CHANGED: the client drops its copy of the collection and starts again from zero.
 */
export interface Checkpoint {
  seq: number;
  scope?: string;
}

export interface PullResponse {
  documents: SyncDoc[];
  checkpoint: Checkpoint;
}

/** Which part of the collection a snapshot page holds: the window (first screen), the rest, or everything. */
export type SnapshotPart = 'window' | 'rest' | 'all';
export const SNAPSHOT_PARTS: readonly SnapshotPart[] = ['window', 'rest', 'all'];

/**
 * One page of GET /sync/{collection}/snapshot: live documents (never tombstones) the viewer may read whose change
 * number is at most `checkpoint.seq`, in id order, after the `after` id of the request. `next` is the `after` of
 * the next page, null on the last one. `checkpoint` is the same on every page of one snapshot (the first page
 * fixes it): the live replication starts from it, so a change made after it is pulled, never skipped.
 */
export interface SnapshotPage {
  documents: SyncDoc[];
  checkpoint: Checkpoint;
  next: string | null;
}

export interface PushRow {
  assumedMasterState?: SyncDoc | null;
  newDocumentState: SyncDoc;
}

/** A row the server refused: its id and a stable code (with the field, or zod details for VALIDATION_FAILED). */
export interface Rejection {
  id: string;
  code: string;
  field?: string;
  details?: unknown;
}

/** A write turned into something else (the locked rule: an adjustment request). */
export interface Diversion {
  id: string;
  code: string;
  eventId: string;
}

/** A value the writer sent that the conflict rule did not keep: the writer's value and the one kept. */
export interface DiscardedValue {
  field: string;
  kept: unknown;
  discarded: unknown;
}

/** A write applied after a merge that discarded some of the writer's values (the author is told). */
export interface MergeNotice {
  id: string;
  rule: string;
  /** The conflict log entry of this merge. */
  conflictId: string;
  fields: DiscardedValue[];
}

/** The answer to POST .../push?details=1 (without details: `conflicts` alone, RxDB's semantics). */
export interface PushDetails {
  /** RxDB semantics: the server's state (as this viewer may read it) of every row not applied as sent. */
  conflicts: SyncDoc[];
  rejected: (Rejection & { message: string })[];
  diverted: (Diversion & { message: string })[];
  merged: MergeNotice[];
  written: number;
}

/** Why a stream ended on the server's initiative (the `END` event of the multiplexed stream). */
export type StreamEndCode = 'UNAUTHENTICATED' | 'NO_ACTIVE_ORG' | 'SCOPE_CHANGED' | 'ORG_MISMATCH' | 'SHUTDOWN';

/** Event names of the multiplexed stream besides the collection names. */
export const STREAM_RESYNC = 'RESYNC';
export const STREAM_END = 'END';

/** One decoded event of the multiplexed stream. */
export type StreamEvent =
  | { collection: string; data: 'RESYNC' | PullResponse }
  | { collection: '*'; data: 'RESYNC' }
  | { collection: '!'; end: StreamEndCode };

/** One raw Server-Sent Events message: its event name ('message' when unnamed) and its data lines joined. */
export interface SseMessage {
  event: string;
  data: string;
}

/** One Server-Sent Events block: `event:` and `data:` lines; comments (heartbeats) give null. */
export function parseSseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, data: data.join('\n') };
}

/**
 * An incremental Server-Sent Events decoder: feed it text chunks as they arrive, it returns the complete messages.
 * Blocks are separated by a blank line (LF or CRLF).
 */
export class SseDecoder {
  private buffer = '';

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n/g, '\n');
    const out: SseMessage[] = [];
    let idx: number;
    while ((idx = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, idx);
      this.buffer = this.buffer.slice(idx + 2);
      const msg = parseSseBlock(block);
      if (msg) out.push(msg);
    }
    return out;
  }
}

/** Decodes one message of the multiplexed stream into a StreamEvent (null for an unknown shape). */
export function decodeStreamMessage(msg: SseMessage): StreamEvent | null {
  if (msg.event === STREAM_RESYNC) return { collection: '*', data: 'RESYNC' };
  if (msg.event === STREAM_END) {
    let code: StreamEndCode = 'SHUTDOWN';
    try {
      code = (JSON.parse(msg.data) as { code?: StreamEndCode }).code ?? code;
    } catch {
      // keep SHUTDOWN
    }
    return { collection: '!', end: code };
  }
  if (msg.data === 'RESYNC') return { collection: msg.event, data: 'RESYNC' };
  try {
    return { collection: msg.event, data: JSON.parse(msg.data) as PullResponse };
  } catch {
    return null;
  }
}

/** What readSse needs of a text stream reader (`body.pipeThrough(new TextDecoderStream()).getReader()`). */
export interface TextChunkReader {
  read(): Promise<{ done: boolean; value?: string }>;
}

/**
 * Reads a text stream of Server-Sent Events until it ends, calling onMessage for every message. Used by the app's
 * transport, the tests and the benchmarks.
 */
export async function readSse(reader: TextChunkReader, onMessage: (msg: SseMessage) => void): Promise<void> {
  const decoder = new SseDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    if (value) for (const msg of decoder.push(value)) onMessage(msg);
  }
}
