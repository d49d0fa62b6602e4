/**
 * The time clock benchmark's data set: one month of punches of a crew in Europe/Paris wall-clock times,
 * deterministic (a seeded generator). October 2026 by default: the autumn DST change (night of 24 to 25
 * October) is inside, and a share of the crew works that night. Day shifts with a lunch break, split shifts,
 * evening shifts ending after midnight, night shifts 22:00-06:00 with a break; about 40 % on missions; a few
 * repeated taps, punches flagged REPEAT and forgotten OUTs.
 */
import { localInstant } from '@coulisses/shared/planning/conflicts';
import { addDays } from '@coulisses/shared/time/zone';
import type { MissionRef } from '@coulisses/shared/timeclock/timesheet-build';
import type { Punch, PunchType } from '@coulisses/shared/timeclock/types';
import { prng } from '../../../sync-server/bench/lib/docs';

export interface TimeclockDataOptions {
  users: number;
  /** First day (YYYY-MM-DD) and number of days. */
  from: string;
  days: number;
  /** Share of days worked (0..1). */
  workRate: number;
  zone: string;
}

export interface TimeclockDataSet {
  punches: Punch[];
  missions: MissionRef[];
  users: string[];
  nightShifts: number;
  dstNightShifts: number;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** UUID-shaped ids (version 7 layout, counter based): deterministic and as long as the app's. */
const idOf = (kind: number, n: number) => `0190${hex(kind, 4)}-0000-7000-8000-${hex(n, 12)}`;

type Kind = 'DAY' | 'SPLIT' | 'EVENING' | 'NIGHT';
/** Local times of a shift, minutes from the day's midnight (over 1440: the next day); [type, minute]. */
const SHAPES: Record<Kind, [PunchType, number][]> = {
  DAY: [['IN', 9 * 60], ['BREAK_START', 12 * 60 + 30], ['BREAK_END', 13 * 60 + 30], ['OUT', 18 * 60]],
  SPLIT: [['IN', 10 * 60], ['OUT', 14 * 60], ['IN', 19 * 60], ['OUT', 23 * 60 + 30]],
  EVENING: [['IN', 17 * 60], ['BREAK_START', 20 * 60], ['BREAK_END', 20 * 60 + 20], ['OUT', 25 * 60]],
  NIGHT: [['IN', 22 * 60], ['BREAK_START', 26 * 60], ['BREAK_END', 26 * 60 + 30], ['OUT', 30 * 60]],
};
const KINDS: Kind[] = ['DAY', 'DAY', 'DAY', 'SPLIT', 'EVENING', 'NIGHT'];

export function generateTimeclock(opts: TimeclockDataOptions): TimeclockDataSet {
  const rnd = prng(20_261_025);
  const at = (date: string, minute: number, seconds: number) => {
    const day = minute >= 1440 ? addDays(date, 1) : date;
    const m = minute % 1440;
    const hm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return localInstant(day, hm, opts.zone) + seconds * 1000;
  };
  const users = Array.from({ length: opts.users }, (_, i) => idOf(1, i + 1));
  const missions: MissionRef[] = [];
  /** Missions per (date, kind): 4 projects a day run each kind of shift. */
  const missionFor = new Map<string, string[]>();
  for (let d = 0; d < opts.days; d++) {
    const date = addDays(opts.from, d);
    for (const kind of ['DAY', 'SPLIT', 'EVENING', 'NIGHT'] as Kind[]) {
      const shape = SHAPES[kind];
      const ids: string[] = [];
      for (let p = 0; p < 4; p++) {
        const id = idOf(2, missions.length + 1);
        missions.push({ id, startAt: new Date(at(date, shape[0]![1], 0)).toISOString(), endAt: new Date(at(date, shape[shape.length - 1]![1], 0)).toISOString(), projectId: idOf(3, p + 1), type: kind === 'NIGHT' ? 'DEMONTAGE' : kind === 'EVENING' ? 'SPECTACLE' : 'MONTAGE' });
        ids.push(id);
      }
      missionFor.set(`${date}|${kind}`, ids);
    }
  }
  const punches: Punch[] = [];
  let nightShifts = 0;
  let dstNightShifts = 0;
  const dstNight = '2026-10-24';
  users.forEach((userId, u) => {
    const deviceId = `device-${u}`;
    for (let d = 0; d < opts.days; d++) {
      const date = addDays(opts.from, d);
      // A third of the crew works the night of the autumn change; the others work most days.
      const onDstNight = date === dstNight && u % 3 === 0;
      if (!onDstNight && rnd() > opts.workRate) continue;
      const kind: Kind = onDstNight ? 'NIGHT' : KINDS[Math.floor(rnd() * KINDS.length)]!;
      if (kind === 'NIGHT') {
        nightShifts += 1;
        if (date === dstNight) dstNightShifts += 1;
      }
      const missionId = rnd() < 0.4 ? missionFor.get(`${date}|${kind}`)![Math.floor(rnd() * 4)]! : null;
      const forgetOut = rnd() < 0.01;
      for (const [punchType, minute] of SHAPES[kind]) {
        if (forgetOut && punchType === 'OUT') continue;
        const jitter = Math.floor(rnd() * 11) - 5;
        const ms = at(date, minute + jitter, Math.floor(rnd() * 60));
        const punch: Punch = { id: idOf(4, punches.length + 1), userId, missionId, at: new Date(ms).toISOString(), punchType, deviceId };
        punches.push(punch);
        const r = rnd();
        if (r < 0.03) punches.push({ ...punch, id: idOf(4, punches.length + 1), at: new Date(ms + (5 + Math.floor(rnd() * 35)) * 1000).toISOString() });
        else if (r < 0.035) punches.push({ ...punch, id: idOf(4, punches.length + 1), at: new Date(ms + 90_000).toISOString(), flags: ['REPEAT'] });
      }
    }
  });
  return { punches, missions, users, nightShifts, dstNightShifts };
}
