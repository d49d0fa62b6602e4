import { actionOverdue, uuidv7, type SyncDoc } from '@coulisses/shared';
import type { Action, Comment, Dashboard, Kpi, KpiValue } from './api-schemas';

/**
 * Stored documents (registry shapes, docs/data-model.md) to their REST views and back. A dashboard and a KPI
 * are `reference` documents (kinds `dashboard`, `kpi`: title in `name`, kind fields in `data`); actions and
 * comments are `action_plans` documents of kinds `action` and `comment`.
 */

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const now = () => new Date().toISOString();

export function dashboardView(doc: SyncDoc): Dashboard {
  const data = (doc.data ?? {}) as Data;
  return {
    id: doc.id,
    title: String(doc.name),
    ...(str(data.description) !== undefined ? { description: str(data.description) } : {}),
    process: str(data.process) ?? '',
    sharing: (doc.sharing as Dashboard['sharing']) ?? 'ORGANISATION',
    teamIds: (doc.teamIds as string[]) ?? [],
    ownerUserId: (doc.ownerUserId as string | null) ?? null,
    kpiIds: Array.isArray(data.kpiIds) ? (data.kpiIds as string[]) : [],
    updatedAt: String(doc.updatedAt),
  };
}

export interface DashboardFields {
  title: string;
  description?: string | null;
  process: string;
  sharing: Dashboard['sharing'];
  teamIds: string[];
  ownerUserId: string | null;
  kpiIds: string[];
}

/** The reference document of a dashboard (new when `before` is null). */
export function dashboardDoc(before: SyncDoc | null, f: DashboardFields): SyncDoc {
  const data: Data = { ...((before?.data as Data) ?? {}), process: f.process, kpiIds: f.kpiIds };
  if (f.description) data.description = f.description;
  else delete data.description;
  return {
    ...(before ?? { id: uuidv7(), kind: 'dashboard', archived: false }),
    name: f.title,
    ownerUserId: f.ownerUserId,
    sharing: f.sharing,
    teamIds: f.sharing === 'TEAMS' ? f.teamIds : [],
    data,
    updatedAt: now(),
    _deleted: false,
  } as SyncDoc;
}

export function kpiView(doc: SyncDoc): Kpi {
  const data = (doc.data ?? {}) as Data;
  return {
    ...(data as Omit<Kpi, 'id' | 'name' | 'ownerUserId' | 'updatedAt'>),
    id: doc.id,
    name: String(doc.name),
    ownerUserId: (doc.ownerUserId as string | null) ?? null,
    updatedAt: String(doc.updatedAt),
  };
}

/** The reference document of a KPI from its definition (name and owner at the top level, the rest in data). */
export function kpiDoc(before: SyncDoc | null, def: Record<string, unknown>): SyncDoc {
  const { name, ownerUserId, ...data } = def;
  for (const [k, v] of Object.entries(data)) if (v === undefined) delete data[k];
  return {
    ...(before ?? { id: uuidv7(), kind: 'kpi', archived: false }),
    name,
    ownerUserId: ownerUserId ?? null,
    data,
    updatedAt: now(),
    _deleted: false,
  } as SyncDoc;
}

/** The definition of a stored KPI, as a KpiCreate body (what a PATCH merges into). */
export function kpiDefinitionFields(doc: SyncDoc): Record<string, unknown> {
  return { ...((doc.data ?? {}) as Data), name: doc.name, ownerUserId: (doc.ownerUserId as string | null) ?? null };
}

export function valueView(doc: SyncDoc): KpiValue {
  const { _deleted, sharedWithAll, ...rest } = doc;
  void _deleted;
  void sharedWithAll;
  return rest as unknown as KpiValue;
}

export function actionView(doc: SyncDoc, today: string): Action {
  const status = doc.status as Action['status'];
  const dueDate = (doc.dueDate as string | null) ?? null;
  return {
    id: doc.id,
    kpiId: String(doc.kpiId),
    title: String(doc.title),
    ...(str(doc.description) !== undefined ? { description: str(doc.description) } : {}),
    ownerUserId: (doc.ownerUserId as string | null) ?? null,
    dueDate,
    progress: Number(doc.progress ?? 0),
    status,
    overdue: actionOverdue({ dueDate, status }, today),
    updatedAt: String(doc.updatedAt),
  };
}

export function commentView(doc: SyncDoc): Comment {
  return {
    id: doc.id,
    kpiId: String(doc.kpiId),
    actionPlanId: (doc.actionPlanId as string | null) ?? null,
    body: String(doc.body ?? ''),
    authorUserId: (doc.authorUserId as string | null) ?? null,
    authorAccountId: (doc.authorAccountId as string | null) ?? null,
    createdAt: String(doc.createdAt ?? doc.updatedAt),
    updatedAt: String(doc.updatedAt),
  };
}
