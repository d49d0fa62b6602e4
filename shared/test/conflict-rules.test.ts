import { describe, expect, it } from 'vitest';
import { resolveConflict, type ConflictRule } from '../src/sync/conflict/rules';
import { ASSIGNMENT_MACHINE } from '../src/entities/planning';
import type { SyncDoc } from '../src/sync/types';

const T = (m: number) => `2026-03-01T10:${String(m).padStart(2, '0')}:00.000Z`;
const doc = (fields: Record<string, unknown>): SyncDoc => ({ id: 'd1', _deleted: false, ...fields }) as SyncDoc;
const merge: ConflictRule = { kind: 'fieldMerge' };

describe('a. field-level three-way merge', () => {
  const base = doc({ title: 'Montage', venue: 'A', notes: 'x', updatedAt: T(0) });
  it.each([
    ['different fields both kept', { title: 'Montage J1', updatedAt: T(1) }, { venue: 'B', updatedAt: T(2) }, { title: 'Montage J1', venue: 'B', notes: 'x' }, []],
    ['same field, remote later wins', { title: 'L', updatedAt: T(1) }, { title: 'R', updatedAt: T(2) }, { title: 'R' }, [{ field: 'title', kept: 'R', discarded: 'L' }]],
    ['same field, local later wins', { title: 'L', updatedAt: T(3) }, { title: 'R', updatedAt: T(2) }, { title: 'L' }, [{ field: 'title', kept: 'L', discarded: 'R' }]],
    ['same field, equal time goes to the server', { title: 'L', updatedAt: T(2) }, { title: 'R', updatedAt: T(2) }, { title: 'R' }, [{ field: 'title', kept: 'R', discarded: 'L' }]],
    ['same change on both sides is no conflict', { title: 'S', updatedAt: T(1) }, { title: 'S', updatedAt: T(2) }, { title: 'S' }, []],
    ['local unchanged, remote changed', { updatedAt: T(5) }, { notes: 'y', updatedAt: T(2) }, { notes: 'y' }, []],
  ])('%s', (_name, l, r, expected, discarded) => {
    const res = resolveConflict(merge, { base, local: { ...base, ...l }, remote: { ...base, ...r } });
    expect(res.doc).toMatchObject(expected);
    expect(res.discarded).toEqual(discarded);
    expect(res.doc.updatedAt).toBe([l.updatedAt, r.updatedAt].sort().at(-1));
  });

  it('without a base, every differing field is a both-sides change', () => {
    const res = resolveConflict(merge, { base: undefined, local: doc({ title: 'L', venue: 'A', updatedAt: T(1) }), remote: doc({ title: 'R', venue: 'A', updatedAt: T(2) }) });
    expect(res.doc.title).toBe('R');
    expect(res.discarded).toEqual([{ field: 'title', kept: 'R', discarded: 'L' }]);
  });

  it('a deletion wins over an edit, and the edit is reported as discarded', () => {
    const res = resolveConflict(merge, { base, local: { ...base, title: 'Edited', updatedAt: T(9) }, remote: { ...base, _deleted: true, updatedAt: T(1) } });
    expect(res.doc._deleted).toBe(true);
    expect(res.discarded).toEqual([{ field: 'title', kept: '(deleted)', discarded: 'Edited' }]);
  });

  it('is idempotent: merging the result again with the same local state gives it back', () => {
    const local = { ...base, title: 'L', notes: 'n2', updatedAt: T(1) };
    const remote = { ...base, title: 'R', venue: 'B', updatedAt: T(2) };
    const first = resolveConflict(merge, { base, local, remote }).doc;
    expect(resolveConflict(merge, { base, local, remote: first }).doc).toEqual(first);
  });
});

describe('b. assignment state machine', () => {
  const base = doc({ missionId: 'm', userId: 'u', status: 'INVITED', statusChangedAt: T(0), statusChangedBy: 'MANAGER', note: 'n', updatedAt: T(0) });
  const crew = (status: string, m: number, extra = {}) => ({ ...base, status, statusChangedAt: T(m), statusChangedBy: 'CREW', updatedAt: T(m), ...extra });
  const manager = (status: string, m: number, extra = {}) => ({ ...base, status, statusChangedAt: T(m), statusChangedBy: 'MANAGER', updatedAt: T(m), ...extra });
  it.each([
    ['manager CANCELLED beats an earlier crew ACCEPTED', crew('ACCEPTED', 1), manager('CANCELLED', 5), 'CANCELLED'],
    ['manager CANCELLED beats a later crew ACCEPTED', crew('ACCEPTED', 9), manager('CANCELLED', 5), 'CANCELLED'],
    ['local manager CANCELLED beats a remote crew DECLINED', manager('CANCELLED', 1), crew('DECLINED', 9), 'CANCELLED'],
    ['two crew answers: the latest wins (local)', crew('DECLINED', 7, { declineReason: 'ill' }), crew('ACCEPTED', 3), 'DECLINED'],
    ['two crew answers: the latest wins (remote)', crew('DECLINED', 2), crew('ACCEPTED', 3), 'ACCEPTED'],
    ['only one side answered', crew('ACCEPTED', 2), { ...base, note: 'changed', updatedAt: T(4) }, 'ACCEPTED'],
  ] as [string, SyncDoc, SyncDoc, string][])('%s', (_name, local, remote, status) => {
    const res = resolveConflict(ASSIGNMENT_MACHINE, { base, local, remote });
    expect(res.doc.status).toBe(status);
    const winner = res.doc.status === local.status ? local : remote;
    expect(res.doc.statusChangedAt).toBe(winner.statusChangedAt);
    expect(res.doc.statusChangedBy).toBe(winner.statusChangedBy);
    if (local.status !== remote.status && local.status !== base.status && remote.status !== base.status) {
      expect(res.discarded).toContainEqual({ field: 'status', kept: status, discarded: status === local.status ? remote.status : local.status });
    }
  });

  it('a stale answer does not beat the same state set again later (ACCEPTED, DECLINED, ACCEPTED again)', () => {
    // The client saw ACCEPTED (t1) then pulled DECLINED (t2) without recording it as the master; the server is at
    // ACCEPTED again (t3). Its DECLINED is older than the server's latest answer: the server's state stays.
    const accepted = crew('ACCEPTED', 1);
    const res = resolveConflict(ASSIGNMENT_MACHINE, { base: accepted, local: crew('DECLINED', 2, { declineReason: 'busy' }), remote: crew('ACCEPTED', 3) });
    expect(res.doc).toMatchObject({ status: 'ACCEPTED', statusChangedAt: T(3), statusChangedBy: 'CREW' });
  });

  it('keeps the decline reason with the DECLINED answer that won, and merges other fields', () => {
    const res = resolveConflict(ASSIGNMENT_MACHINE, { base, local: crew('DECLINED', 8, { declineReason: 'ill' }), remote: { ...base, note: 'bring gloves', updatedAt: T(2) } });
    expect(res.doc).toMatchObject({ status: 'DECLINED', declineReason: 'ill', note: 'bring gloves' });
  });
});

describe('c. append-only', () => {
  const rule: ConflictRule = { kind: 'appendOnly' };
  it('keeps the stored event; the same event again is no conflict', () => {
    const stored = doc({ kind: 'PUNCH', at: T(1), payload: { type: 'IN' }, updatedAt: T(1) });
    expect(resolveConflict(rule, { base: undefined, local: { ...stored }, remote: stored })).toEqual({ doc: stored, discarded: [], rule: 'append-only' });
    const altered = resolveConflict(rule, { base: undefined, local: { ...stored, payload: { type: 'OUT' } }, remote: stored });
    expect(altered.doc).toBe(stored);
    expect(altered.discarded).toHaveLength(1);
  });
});

describe('d. locked after validation', () => {
  const rule: ConflictRule = { kind: 'locked', field: 'status', lockedValues: ['VALIDATED'], lockedFor: ['TECH'] };
  const base = doc({ status: 'SUBMITTED', breakMinutes: 30, updatedAt: T(0) });
  it.each([
    ['crew edit of a validated timesheet is diverted', 'TECH', { status: 'VALIDATED' }, 'VALIDATED', 45, true],
    ['manager edit of a validated timesheet merges', 'MANAGER', { status: 'VALIDATED' }, 'VALIDATED', 45, false],
    ['crew edit of an unvalidated timesheet merges', 'TECH', { managerComment: 'ok' }, 'SUBMITTED', 45, false],
  ] as const)('%s', (_n, role, remoteFields, status, breakMinutes, diverted) => {
    const res = resolveConflict(rule, { base, local: { ...base, breakMinutes: 45, updatedAt: T(3) }, remote: { ...base, ...remoteFields, updatedAt: T(2) }, localRole: role });
    expect(res.doc.status).toBe(status);
    expect(res.doc.breakMinutes).toBe(diverted ? 30 : breakMinutes);
    expect(Boolean(res.diverted)).toBe(diverted);
  });
});

describe('e. unique by key', () => {
  const rule: ConflictRule = { kind: 'uniqueBy', key: ['kpiId', 'periodStart'], valueFields: ['value', 'comment'], atField: 'enteredAt', historyField: 'history' };
  const stored = { id: 'A', _deleted: false, kpiId: 'k', periodStart: '2026-03-01', value: 10, comment: 'first', enteredAt: T(1), history: [], updatedAt: T(1) } as SyncDoc;
  it.each([
    ['a later second entry replaces the value, the first goes to history', 20, T(5), 20, 10],
    ['an earlier second entry goes to history', 30, T(0), 10, 30],
  ])('%s', (_n, value, at, kept, inHistory) => {
    const incoming = { ...stored, id: 'B', value, comment: 'second', enteredAt: at, updatedAt: at } as SyncDoc;
    const res = resolveConflict(rule, { base: undefined, local: incoming, remote: stored });
    expect(res.doc.id).toBe('A');
    expect(res.doc.value).toBe(kept);
    expect((res.doc.history as { value: number }[]).map((h) => h.value)).toEqual([inHistory]);
    expect(res.discarded).toContainEqual({ field: 'value', kept, discarded: inHistory });
  });

  it('the same entry pushed twice adds nothing to history', () => {
    const res = resolveConflict(rule, { base: undefined, local: { ...stored }, remote: stored });
    expect(res.doc.history).toEqual([]);
    expect(res.discarded).toEqual([]);
  });
});
