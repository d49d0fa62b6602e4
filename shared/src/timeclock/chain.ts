import { sha256Hex } from '../crypto/sha256';
import { canonicalJson } from '../sync/canonical';
import type { PunchEvent } from './punch';

/** What a punch's hash covers: who, when, what, where, on which device, and the previous hash. */
export function chainInput(event: PunchEvent): string {
  const p = event.payload;
  return canonicalJson({
    id: event.id,
    userId: event.userId,
    missionId: event.missionId,
    at: event.at,
    deviceId: event.deviceId,
    punchType: p.punchType ?? null,
    source: p.source ?? null,
    method: p.method ?? null,
    venueId: p.venueId ?? null,
    seq: p.seq ?? null,
    prevHash: p.prevHash ?? null,
    position: p.position ?? null,
    photoHash: p.photoHash ?? null,
  });
}

/** The hash a punch must carry. */
export function punchHash(event: PunchEvent): string {
  return sha256Hex(chainInput(event));
}

export type ChainStatus = 'OK' | 'GAP' | 'ALTERED' | 'BROKEN';

export interface ChainReport {
  deviceId: string;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastAt: string | null;
  /** Sequence numbers missing between the first and the last received (removed or not yet received). */
  missingSeqs: number[];
  /** Punches whose content does not match their own hash. */
  alteredIds: string[];
  /** Punches whose prevHash is not the hash of the punch before them. */
  brokenLinkIds: string[];
  /** Two punches claiming the same position. */
  duplicateSeqs: number[];
  status: ChainStatus;
}

/** Checks one device's chain (its PUNCH events in any order). Pure: the server and the admin view use it. */
export function verifyChain(deviceId: string, events: readonly PunchEvent[]): ChainReport {
  const bySeq = new Map<number, PunchEvent>();
  const alteredIds: string[] = [];
  const duplicateSeqs: number[] = [];
  for (const e of events) {
    const seq = Number(e.payload.seq);
    if (!Number.isInteger(seq) || seq < 1 || punchHash(e) !== e.payload.hash) {
      alteredIds.push(e.id);
      continue;
    }
    if (bySeq.has(seq)) duplicateSeqs.push(seq);
    else bySeq.set(seq, e);
  }
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  const missingSeqs: number[] = [];
  const brokenLinkIds: string[] = [];
  const firstSeq = seqs[0] ?? null;
  const lastSeq = seqs[seqs.length - 1] ?? null;
  if (firstSeq !== null && lastSeq !== null) {
    // A chain starts at 1: punches before the first received are missing too.
    for (let s = 1; s <= lastSeq; s++) if (!bySeq.has(s)) missingSeqs.push(s);
    for (const s of seqs) {
      const e = bySeq.get(s)!;
      const prev = bySeq.get(s - 1);
      const expected = s === 1 ? null : prev ? String(prev.payload.hash) : undefined;
      if (expected !== undefined && (e.payload.prevHash ?? null) !== expected) brokenLinkIds.push(e.id);
    }
  }
  const last = lastSeq !== null ? bySeq.get(lastSeq)! : null;
  const status: ChainStatus = alteredIds.length > 0 ? 'ALTERED' : brokenLinkIds.length > 0 || duplicateSeqs.length > 0 ? 'BROKEN' : missingSeqs.length > 0 ? 'GAP' : 'OK';
  return { deviceId, count: events.length, firstSeq, lastSeq, lastAt: last?.at ?? null, missingSeqs: missingSeqs.slice(0, 1000), alteredIds, brokenLinkIds, duplicateSeqs, status };
}

/** The chain head a device keeps locally to extend its chain. */
export interface ChainHead {
  seq: number;
  hash: string | null;
}

/** The next link of a device's chain: the payload fields to add to a new punch before writing it. */
export function nextLink(head: ChainHead | null, draft: Omit<PunchEvent, 'payload'> & { payload: Record<string, unknown> }): { seq: number; prevHash: string | null; hash: string } {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? null;
  const hash = punchHash({ ...draft, payload: { ...draft.payload, seq, prevHash } });
  return { seq, prevHash, hash };
}
