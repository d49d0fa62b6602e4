import { latestByTime, presenceAfter, type Presence } from '@coulisses/shared/timeclock/presence';
import type { Position } from '@coulisses/shared/timeclock/punch';

/** Where a person stands from their own punches: clocked out, working, or on a break (and since when). */
export type PunchState = { state: Presence; since: string | null; missionId: string | null };

interface PunchLike {
  at: string;
  missionId: string | null;
  payload: Record<string, unknown>;
}

/** The state after the person's latest punch (punches of any order; the latest instant wins). */
export function punchStateOf(punches: readonly PunchLike[]): PunchState {
  const last = latestByTime(punches);
  if (!last) return { state: 'OUT', since: null, missionId: null };
  return { state: presenceAfter(last.payload.punchType as string), since: last.at, missionId: last.missionId };
}

const CONSENT_KEY = 'cc.punch.consent.';

/** A consent of this device (position, photo), kept in localStorage. */
export function readConsent(kind: 'position' | 'photo'): boolean {
  try {
    return globalThis.localStorage?.getItem(CONSENT_KEY + kind) === 'yes';
  } catch {
    return false;
  }
}

export function writeConsent(kind: 'position' | 'photo', value: boolean): void {
  try {
    globalThis.localStorage?.setItem(CONSENT_KEY + kind, value ? 'yes' : 'no');
  } catch {
    // private mode: the consent lasts for this page only
  }
}

/** The device's position within `timeoutMs`, or undefined (refused, unavailable, too slow): the punch goes on without it. */
export function currentPosition(timeoutMs = 5000): Promise<Position | undefined> {
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.min(100_000, Math.max(0, p.coords.accuracy)) });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { timeout: timeoutMs, maximumAge: 30_000, enableHighAccuracy: true },
    );
  });
}
