import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { nextLink, type ChainHead } from '@coulisses/shared/timeclock/chain';

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

/** One device's punch chain in a test: each punch() extends it (seq, prevHash, hash). */
export class TestDevice {
  head: ChainHead | null = null;
  constructor(readonly deviceId = `test-device-${uuidv7()}`) {}

  punch(userId: string, punchType: 'IN' | 'OUT' | 'BREAK_START' | 'BREAK_END' = 'IN', fields: Partial<SyncDoc> = {}, payload: Record<string, unknown> = {}): SyncDoc {
    const draft = {
      id: uuidv7(), updatedAt: now(), kind: 'PUNCH', userId, missionId: null, subjectId: null, at: now(), deviceId: this.deviceId,
      receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, _deleted: false, ...fields,
    } as SyncDoc & { id: string; userId: string | null; missionId: string | null; at: string; deviceId: string | null; kind: string };
    const base = { punchType, source: 'PHONE', method: 'SESSION', venueId: null, ...payload };
    const link = nextLink(this.head, { ...draft, payload: base });
    this.head = { seq: link.seq, hash: link.hash };
    return { ...draft, payload: { ...base, ...link } } as SyncDoc;
  }
}

/** A valid punch of a fresh one-punch device chain. */
export function punch(userId: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return new TestDevice().punch(userId, 'IN', fields);
}

/** A KPI definition (reference kind 'kpi') with a valid definition: weekly, up is better, green >= 90, orange >= 75. */
export function kpiDef(fields: Partial<SyncDoc> = {}, data: Record<string, unknown> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'kpi', name: 'Taux de remplissage', archived: false, ownerUserId: null,
    data: {
      unit: '%', decimals: 0, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 100,
      thresholds: { kind: 'ABSOLUTE', green: 90, orange: 75 }, aggregation: 'AVERAGE', source: 'MANUAL', active: true, gracePeriodDays: 2,
      ...data,
    },
    _deleted: false,
    ...fields,
  } as SyncDoc;
}

/** A dashboard (reference kind 'dashboard'). */
export function dashboard(kpiIds: string[], fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'dashboard', name: 'Production', archived: false, ownerUserId: null, sharing: 'ORGANISATION', teamIds: [],
    data: { process: 'Production', kpiIds }, _deleted: false, ...fields,
  } as SyncDoc;
}

/** A KPI value for a period start (a Monday for weekly KPIs). */
export function kpiValue(kpiId: string, periodStart: string, value: number, fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kpiId, periodStart, periodEnd: periodStart, value, enteredAt: now(), status: null, enteredByAccountId: null, history: [], _deleted: false, ...fields,
  } as SyncDoc;
}

/** A comment on a KPI (or on one of its actions). */
export function kpiComment(kpiId: string, authorUserId: string | null, body: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'comment', kpiId, actionPlanId: null, body, authorUserId, _deleted: false, ...fields } as SyncDoc;
}

/** An action plan on a KPI. */
export function actionPlan(kpiId: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'action', kpiId, title: 'Plan', ownerUserId: null, dueDate: null, progress: 0, status: 'OPEN', _deleted: false, ...fields } as SyncDoc;
}
