import { latestByTime } from '@coulisses/shared/timeclock/presence';
import type { RosterPerson } from './kiosk-store';

export interface LocalPunch {
  userId: string | null;
  at: string;
  payload: { punchType?: string };
}

/** The person's newest punch: the server's last one or a newer one recorded on this kiosk. */
export function latestPunch(person: RosterPerson, local: readonly LocalPunch[]): { punchType: string; at: string } | null {
  const mine = local.flatMap((p) => (p.userId === person.userId && p.payload.punchType ? [{ punchType: p.payload.punchType, at: p.at }] : []));
  return latestByTime(person.lastPunch ? [person.lastPunch, ...mine] : mine);
}

/** The person's mission closest to now (the one running, else the nearest in time). */
export function closestMission(person: RosterPerson, now: number = Date.now()): string | null {
  let best: { id: string; d: number } | null = null;
  for (const m of person.missions) {
    const start = Date.parse(m.startAt);
    const end = Date.parse(m.endAt);
    const d = now < start ? start - now : now > end ? now - end : 0;
    if (!best || d < best.d) best = { id: m.id, d };
  }
  return best?.id ?? null;
}
