import { EquipmentKitData, EquipmentReservationData } from '@coulisses/shared/equipment/documents';
import { IncidentClosePayload, IncidentReportPayload } from '@coulisses/shared/equipment/incidents';
import type { DomainHooks, EntityDocs, HookContext } from '../sync/hooks';

/** A live reference document of this organisation and kind, or null. */
async function liveReference(ctx: HookContext, id: string, kind: string) {
  const doc = (await ctx.tx.live('reference', [id])).get(id);
  return doc && doc.kind === kind ? doc : null;
}

/**
 * Equipment documents name live documents of the organisation: a kit its items, a reservation its mission and its
 * item or kit (another organisation's ids are unknown here: the rows are read by org). Double bookings are
 * accepted (planners reserve offline, concurrently) and reported (GET /equipment/conflicts, the planner's view).
 */
async function referenceCheck(doc: EntityDocs['reference'], ctx: HookContext): Promise<string | null> {
  if (doc._deleted) return null;
  if (doc.kind === 'equipment_kit') {
    const data = EquipmentKitData.safeParse(doc.data);
    if (!data.success) return null;
    const ids = [...new Set(data.data.items.map((i) => i.itemId))];
    const live = await ctx.tx.live('reference', ids);
    return ids.every((id) => live.get(id)?.kind === 'equipment_item') ? null : 'EQUIPMENT_NOT_FOUND';
  }
  if (doc.kind === 'equipment_reservation') {
    const data = EquipmentReservationData.safeParse(doc.data);
    if (!data.success) return null;
    const mission = (await ctx.tx.live('missions', [data.data.missionId])).get(data.data.missionId);
    if (!mission) return 'EQUIPMENT_MISSION_NOT_FOUND';
    const target = data.data.itemId ? await liveReference(ctx, data.data.itemId, 'equipment_item') : await liveReference(ctx, String(data.data.kitId), 'equipment_kit');
    return target ? null : 'EQUIPMENT_NOT_FOUND';
  }
  return null;
}

/** System incidents written by the product itself (a kiosk reporting a PIN locked there), not equipment reports. */
const SYSTEM_INCIDENT_TYPES: readonly unknown[] = ['PIN_LOCKED'];

/**
 * An INCIDENT event is a report (IncidentReportPayload) naming a live item when it names one, or a close by a
 * planner naming a report of the organisation; anything else is refused (INVALID_INCIDENT).
 */
async function incidentCheck(doc: EntityDocs['field_events'], ctx: HookContext): Promise<string | null> {
  if (ctx.before || doc._deleted || doc.kind !== 'INCIDENT') return null;
  if (SYSTEM_INCIDENT_TYPES.includes(doc.payload.type)) return null;
  const report = IncidentReportPayload.safeParse(doc.payload);
  if (report.success) {
    const itemId = report.data.equipmentItemId;
    if (itemId && !(await liveReference(ctx, itemId, 'equipment_item'))) return 'EQUIPMENT_NOT_FOUND';
    return null;
  }
  const close = IncidentClosePayload.safeParse(doc.payload);
  if (!close.success) return 'INVALID_INCIDENT';
  const role = ctx.viewer?.role;
  if (ctx.viewer && role !== 'ADMIN' && role !== 'MANAGER') return 'FORBIDDEN';
  const target = (await ctx.tx.live('field_events', [close.data.closes])).get(close.data.closes);
  if (!target || target.kind !== 'INCIDENT' || !IncidentReportPayload.safeParse(target.payload).success) return 'INCIDENT_NOT_FOUND';
  return null;
}

/** Equipment (issue 13): catalogue, reservations on missions (double bookings), incidents. */
export const equipmentHooks: DomainHooks = {
  domain: 'equipment',
  entities: {
    reference: { check: referenceCheck },
    field_events: { check: incidentCheck },
  },
};
