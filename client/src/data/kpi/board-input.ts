import { KPI_ACTION_STATUSES, dashboardOf, kpiDefinitionOf } from '@coulisses/shared';
import type { BoardAction, BoardDashboard, BoardKpi, BoardValue } from '@coulisses/shared/kpi/board';

/** A KPI as the board and the quick entry read it (the board ignores `source`). */
export type EntryKpi = BoardKpi & { source: 'MANUAL' | 'IMPORT' | 'AUTOMATIC' };

/**
 * Local store documents -> the plain inputs of the KPI worker (client/src/workers/kpi-api.ts). A document that
 * does not hold a valid definition is left out (never a crash on a half-synced or older document).
 */
type RefLike = { id: string; kind: string; name: string; archived?: boolean; data?: Record<string, unknown>; ownerUserId?: string | null; _deleted?: boolean };
type ValueLike = { kpiId: string; periodStart: string; value: number; _deleted?: boolean };
type ActionLike = {
  id: string;
  kind?: string;
  kpiId: string;
  title?: string;
  ownerUserId?: string | null;
  dueDate?: string | null;
  progress?: number;
  status?: string;
  _deleted?: boolean;
};

/** A KPI reference document as the board reads it; null when it is not a valid KPI document (kpiDefinitionOf). */
export function boardKpiOf(doc: RefLike): EntryKpi | null {
  if (doc._deleted) return null;
  const def = kpiDefinitionOf(doc);
  if (!def) return null;
  const { description: _d, ...rest } = def;
  return { ...rest, id: doc.id, active: def.active && !doc.archived };
}

/** A dashboard reference document as the board reads it (dashboardOf); archived ones are left out. */
export function boardDashboardOf(doc: RefLike): BoardDashboard | null {
  if (doc._deleted || doc.archived) return null;
  const d = dashboardOf(doc);
  return d ? { id: doc.id, name: d.title, process: d.process, kpiIds: d.kpiIds } : null;
}

export function boardValueOf(doc: ValueLike): BoardValue | null {
  if (doc._deleted || typeof doc.value !== 'number' || !Number.isFinite(doc.value)) return null;
  return { kpiId: doc.kpiId, periodStart: doc.periodStart, value: doc.value };
}

/** An action plan (not a comment) as the board reads it. */
export function boardActionOf(doc: ActionLike): BoardAction | null {
  if (doc._deleted || (doc.kind !== undefined && doc.kind !== 'action')) return null;
  const status = KPI_ACTION_STATUSES.find((s) => s === doc.status);
  if (!status) return null;
  return {
    id: doc.id,
    kpiId: doc.kpiId,
    title: doc.title ?? '',
    ownerUserId: doc.ownerUserId ?? null,
    dueDate: doc.dueDate ?? null,
    progress: typeof doc.progress === 'number' ? doc.progress : 0,
    status,
  };
}

/** Every non-null mapping of `docs`. */
export function mapDocs<D, T>(docs: readonly D[], fn: (d: D) => T | null): T[] {
  const out: T[] = [];
  for (const d of docs) {
    const x = fn(d);
    if (x !== null) out.push(x);
  }
  return out;
}
