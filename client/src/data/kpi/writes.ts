import { periodEndOf, periodStartOf, uuidv7, type KpiDefinition } from '@coulisses/shared';
import type { ActionDoc, ActionStatus, CommentDoc, DashboardSharing, KpiAuto, KpiValueDoc } from './types';

/**
 * Builders of the KPI documents this device writes (pure, no store): a dashboard and a KPI are reference
 * documents; values go to kpi_values; actions and comments to action_plans. Server fields are left empty:
 * the server fills them (status, history, author).
 */

export interface DashboardFields {
  title: string;
  description: string;
  process: string;
  sharing: DashboardSharing;
  teamIds: string[];
  ownerUserId: string | null;
}

export function dashboardPatch(f: DashboardFields, kpiIds: readonly string[]) {
  const data: Record<string, unknown> = { process: f.process.trim(), kpiIds: [...kpiIds] };
  if (f.description.trim()) data['description'] = f.description.trim();
  return { name: f.title.trim(), data, ownerUserId: f.ownerUserId, sharing: f.sharing, teamIds: f.sharing === 'TEAMS' ? f.teamIds : [] };
}

export function newDashboard(f: DashboardFields, now = new Date(), id = uuidv7(now.getTime())) {
  return { id, updatedAt: now.toISOString(), kind: 'dashboard' as const, archived: false, ...dashboardPatch(f, []) };
}

/** The editable part of a KPI: the definition (its name is the document's) and the automatic source. */
export type KpiFields = KpiDefinition & { auto: KpiAuto | null };

export function kpiPatch(f: KpiFields) {
  const { name, ownerUserId, auto, description, ...rest } = f;
  const data: Record<string, unknown> = { ...rest, auto: f.source === 'AUTOMATIC' ? auto : null };
  if (description && description.trim()) data['description'] = description.trim();
  return { name: name.trim(), ownerUserId, data };
}

export function newKpi(f: KpiFields, now = new Date(), id = uuidv7(now.getTime())) {
  return { id, updatedAt: now.toISOString(), kind: 'kpi' as const, archived: false, ...kpiPatch(f) };
}

/** A new value of a KPI for the period containing `period`. */
export function newKpiValue(kpiId: string, frequency: KpiDefinition['frequency'], period: string, value: number, comment: string, now = new Date(), id = uuidv7(now.getTime())): KpiValueDoc {
  const start = periodStartOf(period, frequency);
  return {
    id,
    updatedAt: now.toISOString(),
    kpiId,
    periodStart: start,
    periodEnd: periodEndOf(start, frequency),
    value,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    enteredAt: now.toISOString(),
    status: null,
    enteredByAccountId: null,
    history: [],
  };
}

export interface ActionFields {
  title: string;
  description: string;
  ownerUserId: string | null;
  dueDate: string | null;
  progress: number;
  status: ActionStatus;
}

export function actionPatch(f: ActionFields) {
  const out: Omit<ActionDoc, 'id' | 'updatedAt' | 'kpiId'> = {
    kind: 'action',
    title: f.title.trim(),
    ownerUserId: f.ownerUserId,
    dueDate: f.dueDate || null,
    progress: Math.max(0, Math.min(100, Math.round(f.progress))),
    status: f.status,
  };
  if (f.description.trim()) out.description = f.description.trim();
  return out;
}

export function newAction(kpiId: string, f: ActionFields, now = new Date(), id = uuidv7(now.getTime())): ActionDoc {
  return { id, updatedAt: now.toISOString(), kpiId, ...actionPatch(f) };
}

export function newComment(kpiId: string, actionPlanId: string | null, body: string, accountId: string, userId: string | null, now = new Date(), id = uuidv7(now.getTime())): CommentDoc {
  return { id, updatedAt: now.toISOString(), kind: 'comment', kpiId, actionPlanId, body: body.trim(), authorUserId: userId, authorAccountId: accountId, createdAt: now.toISOString() };
}

/** Moves the item at `from` to `to` (a new array). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
