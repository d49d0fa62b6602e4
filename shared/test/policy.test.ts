import { describe, expect, it } from 'vitest';
import { assignments, availabilities, fieldEvents, missions, reference, timesheets } from '../src/entities/index';
import { canRead, checkWrite } from '../src/sync/policy';
import type { EntityDef } from '../src/sync/registry';
import type { SyncDoc, Viewer } from '../src/sync/types';
import { nextLink } from '../src/timeclock/chain';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const tech: Viewer = { role: 'TECH', accountId: 'acc-t', userId: 'u-tech' };
const manager: Viewer = { role: 'MANAGER', accountId: 'acc-m', userId: 'u-man' };
const noFacts = { assignedMissionIds: new Set<string>() };
const E = (e: unknown) => e as EntityDef;

const kiosk: Viewer = { role: 'KIOSK', accountId: 'kiosk:k1', userId: null, deviceId: 'kiosk-k1' };
/** A valid chained punch (first of its device). */
function punchDoc(userId: string, deviceId: string, kind = 'PUNCH'): SyncDoc {
  const draft = { id: 'p1', updatedAt: T(1), kind, userId, missionId: null, subjectId: null, at: T(1), deviceId };
  const payload = { punchType: 'IN', source: 'KIOSK', method: 'PIN', venueId: null };
  return { ...draft, payload: { ...payload, ...nextLink(null, { ...draft, payload }) } } as SyncDoc;
}

const assignment = { id: 'a1', _deleted: false, missionId: 'm1', userId: 'u-tech', status: 'INVITED', statusChangedAt: T(1), statusChangedBy: 'MANAGER', updatedAt: T(1) } as SyncDoc;

describe('write policy', () => {
  it.each<[string, EntityDef, Viewer, SyncDoc | undefined, SyncDoc, string | null]>([
    ['TECH accepts own invitation', E(assignments), tech, assignment, { ...assignment, status: 'ACCEPTED', statusChangedBy: 'CREW', statusChangedAt: T(2) }, null],
    ['TECH cannot accept for someone else', E(assignments), tech, { ...assignment, userId: 'u-other' }, { ...assignment, userId: 'u-other', status: 'ACCEPTED', statusChangedBy: 'CREW' }, 'FORBIDDEN'],
    ['TECH cannot cancel', E(assignments), tech, assignment, { ...assignment, status: 'CANCELLED', statusChangedBy: 'CREW' }, 'ILLEGAL_TRANSITION'],
    ['TECH cannot change the note (manager field)', E(assignments), tech, assignment, { ...assignment, note: 'mine now' }, 'FIELD_NOT_WRITABLE'],
    ['TECH cannot move themselves to another mission', E(assignments), tech, assignment, { ...assignment, missionId: 'm2' }, 'FIELD_NOT_WRITABLE'],
    ['TECH cannot claim to be a manager', E(assignments), tech, assignment, { ...assignment, status: 'ACCEPTED', statusChangedBy: 'MANAGER' }, 'WRONG_ACTOR'],
    ['TECH cannot create an assignment', E(assignments), tech, undefined, assignment, 'FORBIDDEN'],
    ['MANAGER invites', E(assignments), manager, undefined, assignment, null],
    ['MANAGER cannot change the person of an assignment', E(assignments), manager, assignment, { ...assignment, userId: 'u-x' }, 'IMMUTABLE_FIELD'],
    ['MANAGER cancels an accepted assignment', E(assignments), manager, { ...assignment, status: 'ACCEPTED' }, { ...assignment, status: 'CANCELLED' }, null],
    ['TECH cannot edit a mission', E(missions), tech, undefined, { id: 'm1', title: 'x' } as SyncDoc, 'FORBIDDEN'],
    ['mission ending before it starts', E(missions), manager, undefined, { id: 'm1', startAt: T(10), endAt: T(9) } as SyncDoc, 'END_BEFORE_START'],
    ['TECH declares own unavailability as PENDING', E(availabilities), tech, undefined, { id: 'v1', userId: 'u-tech', kind: 'UNAVAILABLE', startAt: T(1), endAt: T(5), weeklyUntil: null, status: 'PENDING', updatedAt: T(0) } as SyncDoc, null],
    ['TECH cannot approve own availability', E(availabilities), tech, undefined, { id: 'v1', userId: 'u-tech', kind: 'UNAVAILABLE', startAt: T(1), endAt: T(5), weeklyUntil: null, status: 'APPROVED', updatedAt: T(0) } as SyncDoc, 'APPROVAL_REQUIRED'],
    ['TECH cannot declare for someone else', E(availabilities), tech, undefined, { id: 'v1', userId: 'u-x', kind: 'AVAILABLE', startAt: T(1), endAt: T(5), status: 'PENDING' } as SyncDoc, 'FORBIDDEN'],
    ['TECH punches for self', E(fieldEvents), tech, undefined, punchDoc('u-tech', 'phone-1'), null],
    ['TECH cannot punch for someone else', E(fieldEvents), tech, undefined, punchDoc('u-x', 'phone-1'), 'FORBIDDEN'],
    ['a punch without its chain is invalid', E(fieldEvents), tech, undefined, { id: 'p1', kind: 'PUNCH', userId: 'u-tech', deviceId: 'phone-1', payload: { type: 'IN' } } as SyncDoc, 'INVALID_PUNCH'],
    ['a kiosk punches for anyone with its own device id', E(fieldEvents), kiosk, undefined, punchDoc('u-x', 'kiosk-k1'), null],
    ['a kiosk cannot punch as another device', E(fieldEvents), kiosk, undefined, punchDoc('u-x', 'kiosk-k2'), 'FORBIDDEN'],
    ['a kiosk cannot comment', E(fieldEvents), kiosk, undefined, { ...punchDoc('u-x', 'kiosk-k1'), kind: 'COMMENT' }, 'FORBIDDEN'],
    ['a kiosk cannot write timesheets', E(timesheets), kiosk, undefined, { id: 't', userId: 'u-x', status: 'DRAFT' } as SyncDoc, 'FORBIDDEN'],
    ['nobody updates a field event', E(fieldEvents), manager, { id: 'p1', kind: 'PUNCH' } as SyncDoc, { id: 'p1', kind: 'INCIDENT' } as SyncDoc, 'FORBIDDEN'],
    ['TECH confirms own timesheet', E(timesheets), tech, { id: 't', userId: 'u-tech', status: 'SUBMITTED' } as SyncDoc, { id: 't', userId: 'u-tech', status: 'CONFIRMED' } as SyncDoc, null],
    ['TECH cannot validate own timesheet', E(timesheets), tech, { id: 't', userId: 'u-tech', status: 'SUBMITTED' } as SyncDoc, { id: 't', userId: 'u-tech', status: 'VALIDATED' } as SyncDoc, 'ILLEGAL_TRANSITION'],
    ['TECH cannot write reference data', E(reference), tech, undefined, { id: 'r', kind: 'venue' } as SyncDoc, 'FORBIDDEN'],
  ])('%s', (_name, entity, viewer, before, after, code) => {
    expect(checkWrite(entity, viewer, noFacts, before, after)?.code ?? null).toBe(code);
  });
});

describe('read scope', () => {
  it.each<[string, EntityDef, Viewer, SyncDoc, Set<string>, boolean]>([
    ['TECH reads a published mission', E(missions), tech, { id: 'm1', status: 'PUBLISHED' } as SyncDoc, new Set(), true],
    ['TECH does not read a draft mission', E(missions), tech, { id: 'm1', status: 'DRAFT' } as SyncDoc, new Set(), false],
    ['TECH reads a draft mission they are assigned to', E(missions), tech, { id: 'm1', status: 'DRAFT' } as SyncDoc, new Set(['m1']), true],
    ['TECH reads own assignment only', E(assignments), tech, { ...assignment, userId: 'u-other' }, new Set(), false],
    ['TECH reads venues', E(reference), tech, { id: 'r', kind: 'venue' } as SyncDoc, new Set(), true],
    ['TECH does not read rate profiles', E(reference), tech, { id: 'r', kind: 'rate_profile' } as SyncDoc, new Set(), false],
    ['MANAGER reads everything', E(missions), manager, { id: 'm1', status: 'DRAFT' } as SyncDoc, new Set(), true],
  ])('%s', (_name, entity, viewer, doc, assigned, expected) => {
    expect(canRead(entity, viewer, { assignedMissionIds: assigned }, doc)).toBe(expected);
  });
});
