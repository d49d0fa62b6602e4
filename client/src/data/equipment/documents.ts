import { fieldEvents, reference, uuidv7 } from '@coulisses/shared';
import type { EquipmentItemData, EquipmentKitData, EquipmentReservationData } from '@coulisses/shared/equipment/documents';
import type { IncidentReportPayload } from '@coulisses/shared/equipment/incidents';
import type { ReferenceDoc } from '../types';
import type { FieldEventDoc } from '../field-events';

/** A new equipment document (item, kit or reservation), checked against the registry schema (typed data included). */
export function newEquipmentDoc(
  kind: 'equipment_item' | 'equipment_kit' | 'equipment_reservation',
  name: string,
  data: EquipmentItemData | EquipmentKitData | EquipmentReservationData,
  now: Date = new Date(),
): ReferenceDoc {
  return reference.schema.parse({ id: uuidv7(now.getTime()), updatedAt: now.toISOString(), kind, name: name.trim(), archived: false, data });
}

/** An INCIDENT field event (a report or a close), checked against the registry schema. */
export function incidentEvent(
  fields: { userId: string | null; missionId: string | null; deviceId: string | null },
  payload: IncidentReportPayload | { closes: string; note?: string },
  now: Date = new Date(),
): FieldEventDoc {
  const at = now.toISOString();
  return fieldEvents.schema.parse({
    id: uuidv7(now.getTime()), updatedAt: at, kind: 'INCIDENT', subjectId: null, at, payload,
    receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, ...fields,
  });
}
