import { localInstant } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { dropOutcome, HOUR_PX, type DragData, type DropData } from '../src/pages/planning/calendar/drop-outcome';
import { changed, stepAssignment, stepMission, type PickedMission } from '../src/pages/planning/calendar/keyboard-move';

const P = 'Europe/Paris';
const at = (date: string, time: string) => localInstant(date, time, P);
const local = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: P, dateStyle: 'short', timeStyle: 'short' }).format(ms);
const mission: DragData = { kind: 'mission', missionId: 'm' };
const resize: DragData = { kind: 'resize', missionId: 'm' };
const column = (date: string): DropData => ({ kind: 'day-column', date });
/** The pointer lets go `y` px below the column's top (00:00), having grabbed the element `grab` px below its top. */
const geo = (y: number, grab = 10) => ({ pointerY: 500 + y, grabOffsetY: grab, columnTop: 500, hourPx: HOUR_PX });
const show = (o: ReturnType<typeof dropOutcome>) => (o?.kind === 'move' ? `${local(o.interval.start)} -> ${local(o.interval.end)}` : JSON.stringify(o));

describe('drop outcomes in the organisation zone', () => {
  const iv = { start: at('2026-11-17', '10:00'), end: at('2026-11-17', '12:00') };
  it.each<[string, DragData, DropData, ReturnType<typeof geo> | null, string]>([
    ['moved to Thursday 14:00 (top edge at 14:00)', mission, column('2026-11-19'), geo(14 * HOUR_PX + 10), '2026-11-19 14:00 -> 2026-11-19 16:00'],
    ['snapped: 14:06 becomes 14:00', mission, column('2026-11-19'), geo(14 * HOUR_PX + 14), '2026-11-19 14:00 -> 2026-11-19 16:00'],
    ['snapped: 14:09 becomes 14:15', mission, column('2026-11-19'), geo(14 * HOUR_PX + 16), '2026-11-19 14:15 -> 2026-11-19 16:15'],
    ['end pulled to 13:30', resize, column('2026-11-17'), geo(13.5 * HOUR_PX, 0), '2026-11-17 10:00 -> 2026-11-17 13:30'],
    ['end pulled onto the next morning', resize, column('2026-11-18'), geo(2 * HOUR_PX, 0), '2026-11-17 10:00 -> 2026-11-18 02:00'],
    ['month cell: another day, same local time', mission, { kind: 'month-cell', date: '2026-11-28' }, null, '2026-11-28 10:00 -> 2026-11-28 12:00'],
    ['dropped where it was: nothing to write', mission, column('2026-11-17'), geo(10 * HOUR_PX + 10), 'null'],
    ['a resize cannot go to a month cell', resize, { kind: 'month-cell', date: '2026-11-28' }, null, 'null'],
  ])('%s', (_name, drag, drop, g, expected) => {
    expect(show(dropOutcome(drag, drop, iv, g, P))).toBe(expected);
  });

  it('over the spring change: Saturday 10:00 dropped on Sunday 10:00 is 23 real hours later', () => {
    const sat = { start: at('2026-03-28', '10:00'), end: at('2026-03-28', '13:00') };
    const o = dropOutcome(mission, column('2026-03-29'), sat, geo(10 * HOUR_PX + 10), P);
    expect(show(o)).toBe('2026-03-29 10:00 -> 2026-03-29 13:00');
    expect(o?.kind === 'move' && (o.interval.start - sat.start) / 3_600_000).toBe(23);
  });

  it('over the autumn change in the month grid: 25 real hours for one day', () => {
    const sat = { start: at('2026-10-24', '20:00'), end: at('2026-10-24', '23:00') };
    const o = dropOutcome(mission, { kind: 'month-cell', date: '2026-10-25' }, sat, null, P);
    expect(o?.kind === 'move' && (o.interval.start - sat.start) / 3_600_000).toBe(25);
  });

  it('people and assignments: invite on a mission, move to another person, nothing when dropped on the same one', () => {
    expect(dropOutcome({ kind: 'person', userId: 'u1' }, { kind: 'timeline-mission', missionId: 'm' }, null, null, P)).toEqual({ kind: 'assign', missionId: 'm', userId: 'u1' });
    const a: DragData = { kind: 'assignment', assignmentId: 'a', missionId: 'm', userId: 'u1' };
    expect(dropOutcome(a, { kind: 'person-row', userId: 'u2' }, null, null, P)).toEqual({ kind: 'reassign', assignmentId: 'a', toUserId: 'u2' });
    expect(dropOutcome(a, { kind: 'person-row', userId: 'u1' }, null, null, P)).toBeNull();
    expect(dropOutcome({ kind: 'person', userId: 'u1' }, { kind: 'person-row', userId: 'u2' }, null, null, P)).toBeNull();
  });
});

describe('keyboard moves', () => {
  const pick = (date: string, from: string, to: string): PickedMission => {
    const iv = { start: at(date, from), end: at(date, to) };
    return { kind: 'mission', missionId: 'm', original: iv, current: iv };
  };
  const keys = (p: PickedMission, list: [string, boolean?][], mode: 'grid' | 'month' = 'grid') =>
    list.reduce((acc, [key, shift]) => stepMission(acc, key, Boolean(shift), mode, P) ?? acc, p);
  const text = (p: PickedMission) => `${local(p.current.start)} -> ${local(p.current.end)}`;

  it.each<[string, PickedMission, [string, boolean?][], 'grid' | 'month', string]>([
    ['Down moves 15 minutes later', pick('2026-11-17', '10:00', '12:00'), [['ArrowDown']], 'grid', '2026-11-17 10:15 -> 2026-11-17 12:15'],
    ['Up moves 15 minutes earlier', pick('2026-11-17', '10:00', '12:00'), [['ArrowUp']], 'grid', '2026-11-17 09:45 -> 2026-11-17 11:45'],
    ['Right and Right: two days later', pick('2026-11-17', '10:00', '12:00'), [['ArrowRight'], ['ArrowRight']], 'grid', '2026-11-19 10:00 -> 2026-11-19 12:00'],
    ['Shift+Down resizes the end', pick('2026-11-17', '10:00', '12:00'), [['ArrowDown', true], ['ArrowDown', true]], 'grid', '2026-11-17 10:00 -> 2026-11-17 12:30'],
    ['Shift+Up never below 15 minutes', pick('2026-11-17', '10:00', '10:15'), [['ArrowUp', true]], 'grid', '2026-11-17 10:00 -> 2026-11-17 10:15'],
    ['Right over the spring change keeps 10:00', pick('2026-03-28', '10:00', '12:00'), [['ArrowRight']], 'grid', '2026-03-29 10:00 -> 2026-03-29 12:00'],
    ['Left over the autumn change keeps 10:00', pick('2026-10-26', '10:00', '12:00'), [['ArrowLeft'], ['ArrowLeft']], 'grid', '2026-10-24 10:00 -> 2026-10-24 12:00'],
    ['Down in the month grid: a week later', pick('2026-03-25', '10:00', '12:00'), [['ArrowDown']], 'month', '2026-04-01 10:00 -> 2026-04-01 12:00'],
    ['other keys do nothing', pick('2026-11-17', '10:00', '12:00'), [['Tab'], ['x']], 'grid', '2026-11-17 10:00 -> 2026-11-17 12:00'],
  ])('%s', (_name, p, list, mode, expected) => {
    expect(text(keys(p, list, mode))).toBe(expected);
  });

  it('a move and its way back is no change', () => {
    const p = pick('2026-11-17', '10:00', '12:00');
    expect(changed(keys(p, [['ArrowDown']]))).toBe(true);
    expect(changed(keys(p, [['ArrowDown'], ['ArrowUp']]))).toBe(false);
  });

  it('an assignment picked up moves between rows and stops at the ends', () => {
    const p = { kind: 'assignment' as const, assignmentId: 'a', missionId: 'm', fromUserId: 'u2', toUserId: 'u2' };
    const rows = ['u1', 'u2', 'u3'];
    expect(stepAssignment(p, 'ArrowDown', rows)?.toUserId).toBe('u3');
    expect(stepAssignment({ ...p, toUserId: 'u3' }, 'ArrowDown', rows)?.toUserId).toBe('u3');
    expect(stepAssignment({ ...p, toUserId: 'u1' }, 'ArrowUp', rows)?.toUserId).toBe('u1');
    expect(stepAssignment(p, 'ArrowLeft', rows)).toBeNull();
    expect(changed({ ...p, toUserId: 'u1' })).toBe(true);
  });
});
