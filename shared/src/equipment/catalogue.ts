import type { BookingItem, BookingKit, BookingReservation } from './bookings';
import { EquipmentItemData, EquipmentKitData, EquipmentReservationData } from './documents';

interface RefDoc {
  id: string;
  kind: string;
  name: string;
  archived?: boolean;
  _deleted?: boolean;
  data: unknown;
}

export interface EquipmentItem extends EquipmentItemData {
  id: string;
  name: string;
  archived: boolean;
}
export interface EquipmentKit extends EquipmentKitData {
  id: string;
  name: string;
  archived: boolean;
}
export interface EquipmentReservation extends EquipmentReservationData {
  id: string;
  name: string;
}

/**
 * The equipment of a list of reference documents (other kinds, deleted documents and invalid data ignored).
 * Archived items and kits are listed (marked) but do not take part in bookings: `booking` holds the live ones.
 */
export function equipmentOf(docs: readonly RefDoc[]): {
  items: EquipmentItem[];
  kits: EquipmentKit[];
  reservations: EquipmentReservation[];
  booking: { items: BookingItem[]; kits: BookingKit[]; reservations: BookingReservation[] };
} {
  const items: EquipmentItem[] = [];
  const kits: EquipmentKit[] = [];
  const reservations: EquipmentReservation[] = [];
  for (const d of docs) {
    if (d._deleted) continue;
    if (d.kind === 'equipment_item') {
      const p = EquipmentItemData.safeParse(d.data);
      if (p.success) items.push({ ...p.data, id: d.id, name: d.name, archived: !!d.archived });
    } else if (d.kind === 'equipment_kit') {
      const p = EquipmentKitData.safeParse(d.data);
      if (p.success) kits.push({ ...p.data, id: d.id, name: d.name, archived: !!d.archived });
    } else if (d.kind === 'equipment_reservation' && !d.archived) {
      const p = EquipmentReservationData.safeParse(d.data);
      if (p.success) reservations.push({ ...p.data, id: d.id, name: d.name });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  items.sort(byName);
  kits.sort(byName);
  return {
    items,
    kits,
    reservations,
    booking: {
      items: items.filter((i) => !i.archived).map((i) => ({ id: i.id, name: i.name, quantity: i.quantity })),
      kits: kits.filter((k) => !k.archived).map((k) => ({ id: k.id, items: k.items })),
      reservations: reservations.map((r) => ({ id: r.id, missionId: r.missionId, itemId: r.itemId, kitId: r.kitId, quantity: r.quantity })),
    },
  };
}
