import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { nextLink, type ChainHead } from '@coulisses/shared/timeclock/chain';
import type { Position } from '@coulisses/shared/timeclock/punch';
import type { PunchMethod, PunchSource, PunchType } from '@coulisses/shared/timeclock/types';
import type { RxCollection } from 'rxdb';

/** What the person did, where and how they were identified (phone: SESSION; kiosk: PIN or QR). */
export interface PunchInput {
  userId: string;
  missionId: string | null;
  punchType: PunchType;
  source: PunchSource;
  method: PunchMethod;
  venueId: string | null;
  position?: Position;
  geofence?: 'INSIDE' | 'OUTSIDE' | 'UNKNOWN';
  photoHash?: string;
}

export interface RecordOptions {
  /** This device's id (phone: cc.deviceId; kiosk: kiosk-<kioskId>). */
  deviceId: string;
  /** Taps of the same type by the same person within this many seconds count once. */
  repeatTapSeconds: number;
  now?: () => number;
}

export type RecordResult = { status: 'RECORDED'; event: SyncDoc } | { status: 'REPEAT'; event: SyncDoc };

type Doc = SyncDoc & { kind: string; userId: string | null; at: string; deviceId: string | null; payload: Record<string, unknown> };

/** The device's punches, newest chain position last. */
async function devicePunches(collection: RxCollection, deviceId: string): Promise<Doc[]> {
  const docs = await collection.find({ selector: { kind: 'PUNCH', deviceId } }).exec();
  return docs.map((d) => d.toJSON() as unknown as Doc).sort((a, b) => Number(a.payload.seq) - Number(b.payload.seq));
}

/** Runs `fn` alone across this origin's tabs (one chain per device), or directly where Web Locks are missing. */
async function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? ((await locks.request(name, fn)) as T) : fn();
}

/**
 * Appends one punch to the local field events, offline or not: chained to this device's previous punch
 * (seq, prevHash, hash), and not at all when it repeats the same person's same tap within a few seconds.
 * Replication pushes it later; the event never expires.
 */
export async function recordPunch(collection: RxCollection, input: PunchInput, opts: RecordOptions): Promise<RecordResult> {
  const now = opts.now ?? Date.now;
  return exclusive(`cc-punch-chain-${opts.deviceId}`, async () => {
    const mine = await devicePunches(collection, opts.deviceId);
    const at = new Date(now()).toISOString();
    const last = [...mine].reverse().find((d) => d.userId === input.userId);
    if (last && last.payload.punchType === input.punchType && Date.parse(at) - Date.parse(last.at) < opts.repeatTapSeconds * 1000) {
      return { status: 'REPEAT', event: last };
    }
    const tail = mine[mine.length - 1];
    const head: ChainHead | null = tail ? { seq: Number(tail.payload.seq), hash: String(tail.payload.hash) } : null;
    const payload: Record<string, unknown> = { punchType: input.punchType, source: input.source, method: input.method, venueId: input.venueId };
    if (input.position) payload.position = input.position;
    if (input.geofence) payload.geofence = input.geofence;
    if (input.photoHash) payload.photoHash = input.photoHash;
    const draft = {
      id: uuidv7(now()), updatedAt: at, kind: 'PUNCH', userId: input.userId, missionId: input.missionId, subjectId: null, at,
      deviceId: opts.deviceId, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
    };
    const link = nextLink(head, { ...draft, payload });
    const event = { ...draft, payload: { ...payload, ...link } };
    await collection.insert(event);
    return { status: 'RECORDED', event: event as SyncDoc };
  });
}

const DEVICE_KEY = 'cc.deviceId';

/** This browser's device id for phone punches (kept with the local data; a wiped browser is a new device). */
export function phoneDeviceId(storage: Storage | undefined = globalThis.localStorage): string {
  const existing = storage?.getItem(DEVICE_KEY);
  if (existing) return existing;
  const id = `phone-${uuidv7()}`;
  storage?.setItem(DEVICE_KEY, id);
  return id;
}
