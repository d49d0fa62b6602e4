import { entityByName, kpiStatus, thresholdsOf, type EntityDef, type SyncDoc, type SyncRole } from '@coulisses/shared';
import { getOrgSettings } from '../org/settings-repo';
import { timesheetComputedFields } from '../timeclock/timesheet-fields';
import { punchServerFields } from '../timeclock/punch-flags';
import { getRows, type Tx } from './store';

export interface ServerFieldContext {
  tx: Tx;
  orgId: string;
  accountId: string;
  role: SyncRole;
  now: string;
  before: SyncDoc | undefined;
  /** X-Device-Time of the push request (parsed), for the clock skew of field events. */
  deviceTime?: string | null;
}

/**
 * Sets the fields only the server decides (EntityDef.serverFields): who and when, and computed values such
 * as a KPI value's status. A client's value for them never survives.
 */
export async function applyServerFields(entityName: string, doc: SyncDoc, ctx: ServerFieldContext): Promise<SyncDoc> {
  const out: SyncDoc = { ...doc };
  const { before } = ctx;
  switch (entityName) {
    case 'field_events':
      out.receivedAt = (before?.receivedAt as string | null | undefined) ?? ctx.now;
      out.authorAccountId = (before?.authorAccountId as string | null | undefined) ?? ctx.accountId;
      // Flags and clock skew are computed once, when the event is first stored; an event never changes after.
      if (before) {
        out.flags = (before.flags as string[] | null | undefined) ?? [];
        out.clockSkewMs = (before.clockSkewMs as number | null | undefined) ?? null;
      } else Object.assign(out, await punchServerFields(out, { tx: ctx.tx, orgId: ctx.orgId, now: ctx.now, deviceTime: ctx.deviceTime }));
      break;
    case 'timesheets':
      if (out.status === 'VALIDATED' && before?.status !== 'VALIDATED') {
        out.validatedAt = ctx.now;
        out.validatedByAccountId = ctx.accountId;
      } else if (out.status !== 'VALIDATED') {
        out.validatedAt = null;
        out.validatedByAccountId = null;
      } else {
        out.validatedAt = before?.validatedAt ?? null;
        out.validatedByAccountId = before?.validatedByAccountId ?? null;
      }
      await timesheetComputedFields(out, ctx);
      break;
    case 'availabilities':
      if (ctx.role === 'TECH') {
        // A crew member's declaration stands at once where no approval is asked; otherwise a new or changed
        // window waits for a manager again.
        const approval = (await getOrgSettings(ctx.tx, ctx.orgId)).availabilityApproval;
        const changed = !before || before._deleted || ['kind', 'startAt', 'endAt', 'weeklyUntil'].some((f) => JSON.stringify(before[f]) !== JSON.stringify(out[f]));
        out.status = !approval ? 'APPROVED' : changed ? 'PENDING' : before.status;
      }
      break;
    case 'kpi_values': {
      const changed = !before || before.value !== out.value || before._deleted;
      out.enteredByAccountId = changed ? ctx.accountId : ((before?.enteredByAccountId as string | null) ?? null);
      const kpi = (await getRows(ctx.tx, entityByName('reference')!, ctx.orgId, [String(out.kpiId)])).get(String(out.kpiId));
      const t = kpi && !kpi.deleted && kpi.doc.kind === 'kpi' ? thresholdsOf(kpi.doc.data as Record<string, unknown>) : null;
      out.status = t && typeof out.value === 'number' ? kpiStatus(out.value, t) : null;
      break;
    }
  }
  return out;
}

/** The value a server field has on a new document before the server sets it. */
export function serverFieldDefault(field: string, entity?: EntityDef): unknown {
  if (field === 'history') return [];
  // The emptiest value the field's schema accepts: null, else an empty list, else zero.
  const schema = (entity?.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }> | undefined)?.[field];
  if (!schema) return null;
  for (const candidate of [null, [], 0]) if (schema.safeParse(candidate).success) return candidate;
  return null;
}
