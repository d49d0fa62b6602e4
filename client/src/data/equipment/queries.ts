import { detectDoubleBookings, type EquipmentConflict } from '@coulisses/shared/equipment/bookings';
import { equipmentOf } from '@coulisses/shared/equipment/catalogue';
import { EQUIPMENT_KINDS } from '@coulisses/shared/equipment/documents';
import { incidentsOf, type Incident } from '@coulisses/shared/equipment/incidents';
import { useMemo } from 'react';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import type { FieldEventDoc } from '../field-events';
import type { MissionDoc, ReferenceDoc } from '../types';

/** The organisation's equipment from the local store: items and kits (by name), reservations, and the booking input. */
export function useEquipment() {
  const { docs, loading } = useCollectionQuery<ReferenceDoc>('reference', { selector: { kind: { $in: [...EQUIPMENT_KINDS] } } });
  return { ...useMemo(() => equipmentOf(docs), [docs]), loading };
}

export type EquipmentView = ReturnType<typeof useEquipment>;

/**
 * The equipment, the missions its reservations name (only those: an organisation's whole season is not loaded for
 * this), and the double bookings among them, computed on the device by the shared rules (offline).
 */
export function useEquipmentBookings(): { eq: EquipmentView; missions: Map<string, MissionDoc>; conflicts: EquipmentConflict[]; loading: boolean } {
  const eq = useEquipment();
  const ids = useMemo(() => [...new Set(eq.reservations.map((r) => r.missionId))].sort(), [eq.reservations]);
  const found = useCollectionQuery<MissionDoc>('missions', { selector: { id: { $in: ids } } });
  const missions = useMemo(() => new Map(found.docs.map((m) => [m.id, m])), [found.docs]);
  const conflicts = useMemo(() => detectDoubleBookings({ ...eq.booking, missions: found.docs }), [eq.booking, found.docs]);
  return { eq, missions, conflicts, loading: eq.loading || found.loading };
}

/** The incidents of the local INCIDENT field events (crew read their own; planners all), newest first. */
export function useIncidents(): { incidents: Incident[]; loading: boolean } {
  const { docs, loading } = useCollectionQuery<FieldEventDoc>('field_events', { selector: { kind: 'INCIDENT' } });
  return { incidents: useMemo(() => incidentsOf(docs), [docs]), loading };
}
