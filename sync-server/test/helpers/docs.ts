import { uuidv7, type SyncDoc } from '@coulisses/shared';

/** Valid documents of the registry's entities, for tests and benches. */
export const now = () => new Date().toISOString();

export function project(fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), name: 'Projet', status: 'ACTIVE', venueIds: [], startDate: null, endDate: null, managerUserIds: [], _deleted: false, ...fields } as SyncDoc;
}

export function mission(fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), projectId: null, title: 'Montage', venueId: null, startAt: '2026-12-01T08:00:00.000Z', endAt: '2026-12-01T16:00:00.000Z',
    type: 'MONTAGE', status: 'DRAFT', needs: [], teamId: null, _deleted: false, ...fields,
  } as SyncDoc;
}

export function person(fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), accountId: null, firstName: 'Lea', lastName: 'Lumiere', employmentType: 'INTERMITTENT', skills: [], tags: [], teamIds: [], active: true, _deleted: false, ...fields } as SyncDoc;
}

export function assignment(missionId: string, userId: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), missionId, userId, status: 'INVITED', statusChangedAt: now(), statusChangedBy: 'MANAGER', _deleted: false, ...fields } as SyncDoc;
}

export function punch(userId: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'PUNCH', userId, missionId: null, subjectId: null, at: now(), deviceId: 'test-device', payload: { type: 'IN' }, receivedAt: null, authorAccountId: null, _deleted: false, ...fields } as SyncDoc;
}
