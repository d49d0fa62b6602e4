import { describe, expect, it } from 'vitest';
import { nightRulesFor } from '../src/timeclock/night';
import { buildTimesheets, timesheetIdOfDraft, timesheetKeyOf, type MissionRef } from '../src/timeclock/timesheet-build';
import { fnv1a128, timesheetIdFor } from '../src/timeclock/timesheet-id';
import type { Punch, PunchType, TimeRules } from '../src/timeclock/types';
import { computeWorkedTime } from '../src/timeclock/worked-time';
import { BASE_RULES, iso, P } from './support/timeclock';

let seq = 0;
function p(userId: string, punchType: PunchType, local: string, missionId: string | null = null, extra: Partial<Punch> = {}): Punch {
  seq += 1;
  return { id: `p${String(seq).padStart(5, '0')}`, userId, missionId, at: iso(local), punchType, deviceId: null, ...extra };
}
const RULES: TimeRules = { ...BASE_RULES, ...nightRulesFor('GENERAL'), roundingMinutes: 15, roundingMode: 'NEAREST' };
const mission = (id: string, from: string, to: string, projectId: string | null = 'prj', type = 'MONTAGE'): MissionRef => ({ id, startAt: iso(from), endAt: iso(to), projectId, type });
/** key -> [date, paid minutes, anomalies] */
const summary = (punches: Punch[], missions: MissionRef[] = []) =>
  Object.fromEntries(buildTimesheets({ punches, missions, rules: RULES }).map((t) => [t.key, [t.date, t.worked.paidMinutes, t.worked.anomalies.join(',')]]));

describe('timesheetKeyOf', () => {
  it.each<[string, Pick<Punch, 'userId' | 'missionId' | 'at'>, string | undefined, string]>([
    ['a mission punch: person and mission', { userId: 'ana', missionId: 'm1', at: iso('2026-01-15 09:00') }, undefined, 'ana|M|m1'],
    ['a mission punch ignores the day', { userId: 'ana', missionId: 'm1', at: iso('2026-01-16 02:00') }, '2026-01-15', 'ana|M|m1'],
    ['no mission: the local date', { userId: 'ana', missionId: null, at: iso('2026-01-15 23:30') }, undefined, 'ana|D|2026-01-15'],
    ['no mission, 00:30 local is the next date (23:30 UTC)', { userId: 'ana', missionId: null, at: iso('2026-01-16 00:30') }, undefined, 'ana|D|2026-01-16'],
    ['no mission, an OUT after midnight given its IN day', { userId: 'ana', missionId: null, at: iso('2026-01-16 06:00') }, '2026-01-15', 'ana|D|2026-01-15'],
  ])('%s', (_name, punch, day, expected) => {
    expect(timesheetKeyOf(punch, P, day)).toBe(expected);
  });
});

describe('buildTimesheets', () => {
  it.each<[string, Punch[], MissionRef[], Record<string, [string, number, string]>]>([
    ['a night shift without mission stays on the day it started', [p('ana', 'IN', '2026-01-15 22:00'), p('ana', 'OUT', '2026-01-16 06:00')], [], { 'ana|D|2026-01-15': ['2026-01-15', 480, ''] }],
    ['a split shift is one timesheet', [p('ana', 'IN', '2026-01-15 10:00'), p('ana', 'OUT', '2026-01-15 14:00'), p('ana', 'IN', '2026-01-15 19:00'), p('ana', 'OUT', '2026-01-16 01:00')], [], { 'ana|D|2026-01-15': ['2026-01-15', 600, ''] }],
    ['two days, two timesheets', [p('ana', 'IN', '2026-01-15 09:00'), p('ana', 'OUT', '2026-01-15 17:00'), p('ana', 'IN', '2026-01-16 09:00'), p('ana', 'OUT', '2026-01-16 12:00')], [], { 'ana|D|2026-01-15': ['2026-01-15', 480, ''], 'ana|D|2026-01-16': ['2026-01-16', 180, ''] }],
    ['two people, separate timesheets', [p('ana', 'IN', '2026-01-15 09:00'), p('bob', 'IN', '2026-01-15 09:05'), p('bob', 'OUT', '2026-01-15 10:05'), p('ana', 'OUT', '2026-01-15 17:00')], [], { 'ana|D|2026-01-15': ['2026-01-15', 480, ''], 'bob|D|2026-01-15': ['2026-01-15', 60, ''] }],
    ['an OUT with no open IN goes to its own date', [p('ana', 'OUT', '2026-01-16 06:00')], [], { 'ana|D|2026-01-16': ['2026-01-16', 0, 'MISSING_IN'] }],
    ['a repeated IN across midnight stays with the first tap', [p('ana', 'IN', '2026-01-15 23:59:50'), p('ana', 'IN', '2026-01-16 00:00:10'), p('ana', 'OUT', '2026-01-16 07:59:50')], [], { 'ana|D|2026-01-15': ['2026-01-15', 480, 'REPEAT_IGNORED'] }],
    ['a repeated OUT after midnight stays with the shift', [p('ana', 'IN', '2026-01-15 22:00'), p('ana', 'OUT', '2026-01-16 06:00:00'), p('ana', 'OUT', '2026-01-16 06:00:40')], [], { 'ana|D|2026-01-15': ['2026-01-15', 480, 'REPEAT_IGNORED'] }],
    ['the spring change night: 7 h on the Saturday', [p('ana', 'IN', '2026-03-28 22:00'), p('ana', 'OUT', '2026-03-29 06:00')], [], { 'ana|D|2026-03-28': ['2026-03-28', 420, ''] }],
    ['the autumn change night: 9 h on the Saturday', [p('ana', 'IN', '2026-10-24 22:00'), p('ana', 'OUT', '2026-10-25 06:00')], [], { 'ana|D|2026-10-24': ['2026-10-24', 540, ''] }],
    ['mission punches go to the mission, dated by its start', [p('ana', 'IN', '2026-03-28 23:50', 'm1'), p('ana', 'OUT', '2026-03-29 04:00', 'm1')], [mission('m1', '2026-03-29 00:30', '2026-03-29 04:00')], { 'ana|M|m1': ['2026-03-29', 190, ''] }],
    ['a mission and a day without mission on the same date', [p('ana', 'IN', '2026-01-15 08:00'), p('ana', 'OUT', '2026-01-15 10:00'), p('ana', 'IN', '2026-01-15 14:00', 'm1'), p('ana', 'OUT', '2026-01-15 18:00', 'm1')], [mission('m1', '2026-01-15 14:00', '2026-01-15 18:00')], { 'ana|D|2026-01-15': ['2026-01-15', 120, ''], 'ana|M|m1': ['2026-01-15', 240, ''] }],
    ['an unknown mission is dated by its first IN', [p('ana', 'IN', '2026-01-15 22:00', 'gone'), p('ana', 'OUT', '2026-01-16 02:00', 'gone')], [], { 'ana|M|gone': ['2026-01-15', 240, ''] }],
    ['an IN with no OUT, then the next day', [p('ana', 'IN', '2026-01-15 09:00'), p('ana', 'IN', '2026-01-16 09:00'), p('ana', 'OUT', '2026-01-16 17:00')], [], { 'ana|D|2026-01-15': ['2026-01-15', 0, 'MISSING_OUT'], 'ana|D|2026-01-16': ['2026-01-16', 480, ''] }],
  ])('%s', (_name, punches, missions, expected) => {
    expect(summary(punches, missions)).toEqual(expected);
  });

  it('planned minutes and the delta come from the mission (rounded time - planned)', () => {
    const [t] = buildTimesheets({ punches: [p('ana', 'IN', '2026-01-15 08:55', 'm1'), p('ana', 'OUT', '2026-01-15 17:08', 'm1')], missions: [mission('m1', '2026-01-15 09:00', '2026-01-15 17:00', 'prj-1', 'SPECTACLE')], rules: RULES });
    expect(t).toMatchObject({ missionId: 'm1', projectId: 'prj-1', type: 'SPECTACLE', plannedMinutes: 480, deltaMinutes: 15, worked: { paidMinutes: 493, roundedMinutes: 495 } });
  });

  it('no mission: no planned time, no delta', () => {
    const [t] = buildTimesheets({ punches: [p('ana', 'IN', '2026-01-15 09:00'), p('ana', 'OUT', '2026-01-15 17:00')], missions: [], rules: RULES });
    expect(t).toMatchObject({ plannedMinutes: null, deltaMinutes: null, projectId: null, type: null });
  });

  it('each draft is computeWorkedTime of its punches, in a stable order whatever the input order', () => {
    const punches: Punch[] = [];
    for (const user of ['cyd', 'ana', 'bob']) {
      for (const date of ['2026-10-23', '2026-10-24', '2026-10-25']) {
        punches.push(p(user, 'IN', `${date} 20:00`), p(user, 'BREAK_START', `${date} 23:00`), p(user, 'BREAK_END', `${date} 23:20`), p(user, 'OUT', `${addOne(date)} 04:00`));
      }
      punches.push(p(user, 'IN', '2026-10-22 10:00', 'm9'), p(user, 'OUT', '2026-10-22 12:00', 'm9'));
    }
    const drafts = buildTimesheets({ punches, missions: [mission('m9', '2026-10-22 10:00', '2026-10-22 12:00')], rules: RULES });
    expect(drafts.map((d) => `${d.userId} ${d.date}`)).toEqual(['ana', 'bob', 'cyd'].flatMap((u) => ['2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25'].map((d) => `${u} ${d}`)));
    const byId = new Map(punches.map((x) => [x.id, x]));
    for (const d of drafts) expect(d.worked).toEqual(computeWorkedTime(d.punchIds.map((id) => byId.get(id)!), RULES));
    // 20:00-04:00 less 20 min; the autumn night (24 to 25 October) is one hour longer.
    expect(drafts.filter((d) => d.userId === 'ana').map((d) => d.worked.paidMinutes)).toEqual([120, 460, 520, 460]);
    const shuffled = [...punches].reverse();
    expect(buildTimesheets({ punches: shuffled, missions: [mission('m9', '2026-10-22 10:00', '2026-10-22 12:00')], rules: RULES })).toEqual(drafts);
  });

  it('keeps every punch of the timesheet, ignored repeats included', () => {
    const punches = [p('ana', 'IN', '2026-01-15 09:00:00'), p('ana', 'IN', '2026-01-15 09:00:10'), p('ana', 'OUT', '2026-01-15 17:00')];
    expect(buildTimesheets({ punches, missions: [], rules: RULES })[0]!.punchIds).toEqual(punches.map((x) => x.id));
  });
});

function addOne(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Computed once and pinned: a change of timesheetIdFor would duplicate every stored timesheet. */
const PINNED = '62802f8b-59bb-8c05-a106-ec35afcddbb9';

describe('deterministic timesheet ids', () => {
  it.each([
    ['', '6c62272e07bb014262b821756295c58d'],
    ['a', 'd228cb696f1a8caf78912b704e4a8964'],
    ['foobar', '343e1662793c64bf6f0d3597ba446f18'],
  ])('FNV-1a 128 of %j', (text, hex) => {
    expect(fnv1a128(text)).toBe(hex);
  });

  it('matches a BigInt reference on non-ASCII text', () => {
    const prime = (1n << 88n) + 0x13bn;
    const mask = (1n << 128n) - 1n;
    const text = 'R\u00e9gisseur \u{1F3AD} plateau';
    let h = 0x6c62272e07bb014262b821756295c58dn;
    // UTF-8 bytes through encodeURIComponent, independent of the encoder under test.
    const bytes = encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g)!.map((c) => (c.length === 3 ? parseInt(c.slice(1), 16) : c.charCodeAt(0)));
    for (const b of bytes) h = ((h ^ BigInt(b)) * prime) & mask;
    expect(fnv1a128(text)).toBe(h.toString(16).padStart(32, '0'));
  });

  it.each<[string, string, string]>([
    ['org-1', 'user-1', 'mission-1'],
    ['org-1', 'user-1', '2026-10-25'],
    ['0190a8b0-0000-7000-8000-000000000001', '0190a8b0-0000-7000-8000-000000000002', '0190a8b0-0000-7000-8000-000000000003'],
  ])('timesheetIdFor(%s, %s, %s) is UUID-shaped (version 8) and stable', (org, user, key) => {
    const id = timesheetIdFor(org, user, key);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timesheetIdFor(org, user, key)).toBe(id);
  });

  it('is pinned: the same id forever for the same key (server and clients agree)', () => {
    expect(timesheetIdFor('org-1', 'user-1', 'mission-1')).toBe(PINNED);
  });

  it('differs when any part differs, also when parts would concatenate the same', () => {
    const ids = new Set([timesheetIdFor('org-1', 'user-1', 'm'), timesheetIdFor('org-2', 'user-1', 'm'), timesheetIdFor('org-1', 'user-2', 'm'), timesheetIdFor('org-1', 'user-1', 'n'), timesheetIdFor('org-1', 'user-1m', ''), timesheetIdFor('org-1', 'user-', '1m')]);
    expect(ids.size).toBe(6);
  });

  it('a draft gets the id of its mission, or of its date', () => {
    expect(timesheetIdOfDraft('o', { userId: 'u', missionId: 'm', date: '2026-01-15' })).toBe(timesheetIdFor('o', 'u', 'm'));
    expect(timesheetIdOfDraft('o', { userId: 'u', missionId: null, date: '2026-01-15' })).toBe(timesheetIdFor('o', 'u', '2026-01-15'));
  });
});
