import { describe, expect, it } from 'vitest';
import { assignBlocker, blocks, type AssignmentLike, type MissionSpan } from '../src/planning/assign-check';
import { copyAsDraft, draftsWithIds, duplicateMissions, duplicateWeekCopies, publishPatches, recurrenceCopies, type CopyableMission } from '../src/planning/mission-copies';
import { countByStatus } from '../src/planning/status-counts';
import { crewRows } from '../src/planning/my-missions';

const P = 'Europe/Paris';
const NOW = '2026-11-21T09:00:00.000Z';
type M = CopyableMission & { title: string };

const mission = (id: string, startAt: string, endAt: string, status: M['status'] = 'PUBLISHED'): M => ({ id, updatedAt: '2026-01-01T00:00:00.000Z', title: `M ${id}`, status, startAt, endAt });
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('bulk actions on missions', () => {
  it('publishes only the selected drafts, stamped now', () => {
    const sel = [mission('a', '2026-11-16T08:00:00.000Z', '2026-11-16T12:00:00.000Z', 'DRAFT'), mission('b', '2026-11-16T08:00:00.000Z', '2026-11-16T12:00:00.000Z'), mission('c', '2026-11-16T08:00:00.000Z', '2026-11-16T12:00:00.000Z', 'CANCELLED')];
    expect(publishPatches(sel, NOW)).toEqual([{ id: 'a', patch: { status: 'PUBLISHED', updatedAt: NOW } }]);
  });

  it('duplicates as drafts with new ids, same times and fields', () => {
    const src = mission('a', '2026-11-16T08:00:00.000Z', '2026-11-16T12:00:00.000Z');
    expect(copyAsDraft(src, 'x', NOW)).toEqual({ ...src, id: 'x', updatedAt: NOW, status: 'DRAFT' });
    const copies = duplicateMissions([src, mission('b', '2026-11-17T08:00:00.000Z', '2026-11-17T12:00:00.000Z')], ids(), NOW);
    expect(copies.map((c) => [c.id, c.title, c.status])).toEqual([['new-1', 'M a', 'DRAFT'], ['new-2', 'M b', 'DRAFT']]);
  });

  it('duplicates week N to N+1 at the same local times across the autumn change, cancelled ones left out', () => {
    const week = [
      mission('mon', '2026-10-19T07:00:00.000Z', '2026-10-19T11:00:00.000Z'),
      mission('sat', '2026-10-24T07:00:00.000Z', '2026-10-24T11:00:00.000Z'),
      mission('cancelled', '2026-10-20T07:00:00.000Z', '2026-10-20T11:00:00.000Z', 'CANCELLED'),
      mission('next', '2026-10-26T08:00:00.000Z', '2026-10-26T12:00:00.000Z'),
    ];
    const out = duplicateWeekCopies(week, '2026-10-19', P, ids(), NOW);
    // 09:00 Paris in summer time (UTC+2) stays 09:00 in winter time (UTC+1).
    expect(out.map((m) => [m.id, m.title, m.startAt, m.endAt, m.status])).toEqual([
      ['new-1', 'M mon', '2026-10-26T08:00:00.000Z', '2026-10-26T12:00:00.000Z', 'DRAFT'],
      ['new-2', 'M sat', '2026-10-31T08:00:00.000Z', '2026-10-31T12:00:00.000Z', 'DRAFT'],
    ]);
  });

  it('weekly recurrence n times creates the n-1 next occurrences', () => {
    const src = mission('a', '2026-03-23T18:00:00.000Z', '2026-03-23T22:00:00.000Z');
    const out = recurrenceCopies(src, 3, P, ids(), NOW);
    expect(out.map((m) => [m.id, m.startAt])).toEqual([['new-1', '2026-03-30T17:00:00.000Z'], ['new-2', '2026-04-06T17:00:00.000Z']]);
    expect(recurrenceCopies(src, 1, P, ids(), NOW)).toEqual([]);
  });

  it('gives wizard drafts ids and the write time', () => {
    expect(draftsWithIds([{ title: 'x' }, { title: 'y' }], ids(), NOW)).toEqual([{ title: 'x', id: 'new-1', updatedAt: NOW }, { title: 'y', id: 'new-2', updatedAt: NOW }]);
  });

  it('counts per status with zeros', () => {
    expect(countByStatus([{ status: 'A' }, { status: 'A' }, { status: 'C' }], ['A', 'B', 'C'] as const)).toEqual({ A: 2, B: 0, C: 1 });
  });
});

describe('local assignment checks', () => {
  const target: MissionSpan = { id: 't', startAt: '2026-11-16T08:00:00.000Z', endAt: '2026-11-16T12:00:00.000Z', status: 'DRAFT' };
  const missions = new Map<string, MissionSpan>([
    ['t', target],
    ['over', { id: 'over', startAt: '2026-11-16T11:00:00.000Z', endAt: '2026-11-16T14:00:00.000Z', status: 'PUBLISHED' }],
    ['touch', { id: 'touch', startAt: '2026-11-16T12:00:00.000Z', endAt: '2026-11-16T14:00:00.000Z', status: 'PUBLISHED' }],
    ['gone', { id: 'gone', startAt: '2026-11-16T09:00:00.000Z', endAt: '2026-11-16T10:00:00.000Z', status: 'CANCELLED' }],
  ]);
  const a = (id: string, missionId: string, userId: string, status: AssignmentLike['status'] = 'INVITED'): AssignmentLike => ({ id, missionId, userId, status });

  it('finds a duplicate, an overlap, and ignores touching, cancelled and declined ones', () => {
    expect(assignBlocker(target, 'u', [a('1', 't', 'u')], missions)).toEqual({ kind: 'DUPLICATE' });
    expect(assignBlocker(target, 'u', [a('1', 't', 'u', 'DECLINED')], missions)).toBeNull();
    expect(assignBlocker(target, 'u', [a('1', 'over', 'u', 'ACCEPTED')], missions)).toEqual({ kind: 'OVERLAP', missionIds: ['over'] });
    expect(assignBlocker(target, 'u', [a('1', 'over', 'other')], missions)).toBeNull();
    expect(assignBlocker(target, 'u', [a('1', 'touch', 'u'), a('2', 'gone', 'u'), a('3', 'over', 'u', 'CANCELLED')], missions)).toBeNull();
  });

  it('an overlap blocks only under REFUSE; a duplicate always', () => {
    expect(blocks({ kind: 'OVERLAP', missionIds: ['x'] }, 'WARN')).toBe(false);
    expect(blocks({ kind: 'OVERLAP', missionIds: ['x'] }, 'REFUSE')).toBe(true);
    expect(blocks({ kind: 'DUPLICATE' }, 'WARN')).toBe(true);
    expect(blocks(null, 'REFUSE')).toBe(false);
  });
});

describe('crew rows', () => {
  it('splits upcoming (soonest first) and past (latest first), for this person only', () => {
    const ms = [mission('past', '2026-11-01T08:00:00.000Z', '2026-11-01T12:00:00.000Z'), mission('soon', '2026-11-22T08:00:00.000Z', '2026-11-22T12:00:00.000Z'), mission('later', '2026-12-01T08:00:00.000Z', '2026-12-01T12:00:00.000Z'), mission('now', '2026-11-21T08:00:00.000Z', '2026-11-21T12:00:00.000Z')];
    const as = [
      { id: '1', missionId: 'later', userId: 'u' },
      { id: '2', missionId: 'past', userId: 'u' },
      { id: '3', missionId: 'soon', userId: 'u' },
      { id: '4', missionId: 'soon', userId: 'other' },
      { id: '5', missionId: 'unknown', userId: 'u' },
      { id: '6', missionId: 'now', userId: 'u' },
    ];
    const rows = crewRows(as, ms, 'u', Date.parse(NOW));
    expect(rows.upcoming.map((r) => r.assignment.id)).toEqual(['6', '3', '1']);
    expect(rows.past.map((r) => r.assignment.id)).toEqual(['2']);
  });
});
