import { detectDoubleBookings, type EquipmentConflict } from '@coulisses/shared/equipment/bookings';
import { equipmentOf } from '@coulisses/shared/equipment/catalogue';
import { EQUIPMENT_KINDS } from '@coulisses/shared/equipment/documents';
import { incidentsOf, type Incident } from '@coulisses/shared/equipment/incidents';
import { useMemo } from 'react';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import type { FieldEventDoc } from '../field-events';
import { useMissions } from '../queries';
import type { ReferenceDoc } from '../types';

/** The organisation's equipment from the local store: items and kits (by name), reservations, and the booking input. */
export function useEquipment() {
  const { docs, loading } = useCollectionQuery<ReferenceDoc>('reference', { selector: { kind: { $in: [...EQUIPMENT_KINDS] } } });
  return { ...useMemo(() => equipmentOf(docs), [docs]), loading };
}

/** The double bookings among the local reservations, computed on the device by the shared rules. */
export function useEquipmentConflicts(): { conflicts: EquipmentConflict[]; loading: boolean } {
  const eq = useEquipment();
  const missions = useMissions();
  const conflicts = useMemo(() => detectDoubleBookings({ ...eq.booking, missions: missions.docs }), [eq.booking, missions.docs]);
  return { conflicts, loading: eq.loading || missions.loading };
}

/** The incidents of the local INCIDENT field events (crew read their own; planners all), newest first. */
export function useIncidents(): { incidents: Incident[]; loading: boolean } {
  const { docs, loading } = useCollectionQuery<FieldEventDoc>('field_events', { selector: { kind: 'INCIDENT' } });
  return { incidents: useMemo(() => incidentsOf(docs), [docs]), loading };
}
