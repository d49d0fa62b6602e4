import type { OrgSettings } from '@coulisses/shared';
import { browserStorage, readItem, writeItem } from '../lib/storage';

/** What the kiosk keeps in localStorage under 'cc.kiosk' after enrolment. */
export interface KioskIdentity {
  token: string;
  kiosk: { id: string; name: string; venueId: string; deviceId: string } | null;
  org: { id: string; name: string; timezone: string } | null;
  settings: OrgSettings | null;
}

export interface RosterPin {
  salt: string;
  hash: string;
  iterations: number;
  lockedAt: string | null;
  updatedAt: string;
}

export interface RosterPerson {
  userId: string;
  firstName: string;
  lastName: string;
  pin: RosterPin | null;
  qrHash: string | null;
  missions: { id: string; title: string; startAt: string; endAt: string }[];
  /** The last punch on the server, with its mission (a clock out goes to the open clock in's mission). */
  lastPunch: { punchType: string; at: string; missionId?: string | null } | null;
}

export interface Roster {
  date: string;
  zone: string;
  serverTime: string;
  venue: { id: string; name: string; geofence: unknown };
  settings: OrgSettings;
  people: RosterPerson[];
}

/** A person's wrong PIN tries on this kiosk, and when it locked their PIN here. */
export interface LocalLock {
  failures: number;
  lockedAt: string | null;
}

const KEY = 'cc.kiosk';
const rosterKey = (kioskId: string) => `cc.kiosk.roster.${kioskId}`;
const locksKey = (kioskId: string) => `cc.kiosk.locks.${kioskId}`;

function readJson<T>(key: string): T | null {
  const raw = readItem(browserStorage(), key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  writeItem(browserStorage(), key, value === null ? null : JSON.stringify(value));
}

export function readIdentity(): KioskIdentity | null {
  const id = readJson<KioskIdentity>(KEY);
  return id && typeof id.token === 'string' ? id : null;
}

export function saveIdentity(identity: KioskIdentity | null): void {
  writeJson(KEY, identity);
}

export function readRoster(kioskId: string): Roster | null {
  return readJson<Roster>(rosterKey(kioskId));
}

export function saveRoster(kioskId: string, roster: Roster): void {
  writeJson(rosterKey(kioskId), roster);
}

export function readLocks(kioskId: string): Record<string, LocalLock> {
  return readJson<Record<string, LocalLock>>(locksKey(kioskId)) ?? {};
}

export function saveLocks(kioskId: string, locks: Record<string, LocalLock>): void {
  writeJson(locksKey(kioskId), locks);
}

/**
 * Local locks a newer roster lifts: a PIN set again or unlocked by a manager after this kiosk locked it
 * (its updatedAt is newer than the local lock).
 */
export function liftLocks(locks: Record<string, LocalLock>, roster: Roster): Record<string, LocalLock> {
  const out: Record<string, LocalLock> = {};
  for (const [userId, lock] of Object.entries(locks)) {
    const pin = roster.people.find((p) => p.userId === userId)?.pin;
    if (lock.lockedAt && pin && !pin.lockedAt && Date.parse(pin.updatedAt) > Date.parse(lock.lockedAt)) continue;
    out[userId] = lock;
  }
  return out;
}
