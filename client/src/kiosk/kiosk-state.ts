import type { PunchType } from '@coulisses/shared/timeclock/types';
import type { RosterPerson } from './kiosk-store';

export type PresenceState = 'OUT' | 'IN' | 'BREAK';

export interface LocalPunch {
  userId: string | null;
  at: string;
  payload: { punchType?: string };
}

/** The person's newest punch: the server's last one or a newer one recorded on this kiosk. */
export function latestPunch(person: RosterPerson, local: readonly LocalPunch[]): { punchType: string; at: string } | null {
  let best = person.lastPunch;
  for (const p of local) {
    if (p.userId !== person.userId || !p.payload.punchType) continue;
    if (!best || p.at > best.at) best = { punchType: p.payload.punchType, at: p.at };
  }
  return best;
}

export function presenceOf(last: { punchType: string } | null): PresenceState {
  if (!last) return 'OUT';
  if (last.punchType === 'IN' || last.punchType === 'BREAK_END') return 'IN';
  if (last.punchType === 'BREAK_START') return 'BREAK';
  return 'OUT';
}

/** What the person may do next: clock in when out; break or clock out when in; end the break when on one. */
export function nextActions(state: PresenceState): PunchType[] {
  if (state === 'OUT') return ['IN'];
  if (state === 'IN') return ['BREAK_START', 'OUT'];
  return ['BREAK_END'];
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
