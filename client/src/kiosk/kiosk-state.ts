import { kioskMissionChoice } from '@coulisses/shared/timeclock/kiosk-mission';
import { latestByTime, presenceAfter } from '@coulisses/shared/timeclock/presence';
import type { RosterPerson } from './kiosk-store';

export interface LocalPunch {
  userId: string | null;
  missionId?: string | null;
  at: string;
  payload: { punchType?: string };
}

export interface LastPunch {
  punchType: string;
  at: string;
  missionId: string | null;
}

/** The person's newest punch: the server's last one or a newer one recorded on this kiosk. */
export function latestPunch(person: RosterPerson, local: readonly LocalPunch[]): LastPunch | null {
  const mine = local.flatMap((p) => (p.userId === person.userId && p.payload.punchType ? [{ punchType: p.payload.punchType, at: p.at, missionId: p.missionId ?? null }] : []));
  const server = person.lastPunch ? [{ ...person.lastPunch, missionId: person.lastPunch.missionId ?? null }] : [];
  return latestByTime([...server, ...mine]);
}

/** Where a punch at the kiosk goes: a mission without asking, or a choice among the person's missions here. */
export type PunchMission = { kind: 'mission'; missionId: string | null } | { kind: 'choose'; candidates: RosterPerson['missions'] };

/**
 * The mission of a punch at the kiosk. A clock out or a break goes to the mission of the open clock in (the last
 * punch, while the person is on duty or on a break). A clock in goes to the person's mission at this venue whose
 * time contains now or that starts soon; several of them: the person chooses (kioskMissionChoice, shared).
 */
export function punchMission(person: RosterPerson, last: LastPunch | null, punchType: string, now: number = Date.now()): PunchMission {
  if (punchType !== 'IN' && last && presenceAfter(last.punchType) !== 'OUT') return { kind: 'mission', missionId: last.missionId };
  const choice = kioskMissionChoice(person.missions, now);
  return choice.candidates.length > 1 ? { kind: 'choose', candidates: choice.candidates } : { kind: 'mission', missionId: choice.missionId };
}
