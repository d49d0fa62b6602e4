import type { EquipmentItemData, EquipmentKitData, EquipmentReservationData } from '@coulisses/shared/equipment/documents';
import type { IncidentReportPayload } from '@coulisses/shared/equipment/incidents';
import { useMemo } from 'react';
import { queuePhoto } from '../../timeclock/photo-queue';
import { phoneDeviceId } from '../../timeclock/punch-recorder';
import { useSyncDatabase } from '../../sync/useSync';
import { useLocalWrites } from '../useLocalWrites';
import { incidentEvent, newEquipmentDoc } from './documents';

/** Equipment writes to the local store (offline; the outbox pushes them). Null while no store is open. */
export function useEquipmentWrites() {
  const writes = useLocalWrites();
  const db = useSyncDatabase();
  return useMemo(() => {
    if (!writes || !db) return null;
    const events = () => {
      const c = db.collections.field_events;
      if (!c) throw new Error('collection field_events is not open');
      return c;
    };
    return {
      /** Creates an item, or changes one (archived: kept listed, out of the bookings). */
      saveItem: async (id: string | null, name: string, data: EquipmentItemData, archived = false) =>
        id ? writes.patch('reference', id, { name: name.trim(), data, archived }) : writes.insert('reference', newEquipmentDoc('equipment_item', name, data)),
      saveKit: async (id: string | null, name: string, data: EquipmentKitData) =>
        id ? writes.patch('reference', id, { name: name.trim(), data }) : writes.insert('reference', newEquipmentDoc('equipment_kit', name, data)),
      reserve: async (name: string, data: EquipmentReservationData) => writes.insert('reference', newEquipmentDoc('equipment_reservation', name, data)),
      remove: async (id: string) => writes.remove('reference', id),
      /** Records a report; with a photo, queues its upload (the punch photo queue: sent once the event is on the server). */
      report: async (userId: string | null, missionId: string | null, payload: IncidentReportPayload, photo: { blob: Blob; sha256: string } | null = null) => {
        const event = incidentEvent({ userId, missionId, deviceId: phoneDeviceId() }, photo ? { ...payload, hasPhoto: true, photoHash: photo.sha256 } : payload);
        await events().insert(event as never);
        if (photo) await queuePhoto({ eventId: event.id, blob: photo.blob, sha256: photo.sha256 }).catch(() => undefined);
      },
      // The close carries the report's person and mission, so that the crew member who reported it reads it closed.
      close: async (incident: { id: string; userId: string | null; missionId: string | null }, note: string) => {
        const payload = note.trim() ? { closes: incident.id, note: note.trim() } : { closes: incident.id };
        await events().insert(incidentEvent({ userId: incident.userId, missionId: incident.missionId, deviceId: null }, payload) as never);
      },
    };
  }, [writes, db]);
}
