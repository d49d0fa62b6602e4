/**
 * Double bookings of equipment (seed 003, jalon 66): a kit reservation stands for its items times the quantity;
 * for each item, the missions running at the same time (UTC instants; [start, end) so touching missions do not
 * overlap) whose reserved quantities sum above the units owned are a conflict. Cancelled missions, deleted or
 * archived documents and reservations of unknown items or kits are ignored. Pure: the planner's device and the
 * server run the same function.
 */

export interface BookingItem {
  id: string;
  name?: string;
  quantity: number;
}

export interface BookingKit {
  id: string;
  items: readonly { itemId: string; quantity: number }[];
}

export interface BookingMission {
  id: string;
  startAt: string;
  endAt: string;
  status: string;
}

export interface BookingReservation {
  id: string;
  missionId: string;
  itemId: string | null;
  kitId: string | null;
  quantity: number;
}

/** What a mission needs of one item, all its reservations (direct and through kits) summed. */
export interface ItemDemand {
  missionId: string;
  itemId: string;
  quantity: number;
  reservationIds: string[];
}

export interface EquipmentConflict {
  itemId: string;
  /** The missions sharing the window, sorted by id. */
  missionIds: string[];
  /** Units reserved by those missions in the window, and units owned. */
  reserved: number;
  available: number;
  /** The window in which all those missions run (UTC ISO). */
  from: string;
  to: string;
}

/** Each mission's demand per item: kits expanded (kit quantity x item quantity), reservations of a mission summed. */
export function itemDemands(reservations: readonly BookingReservation[], kits: readonly BookingKit[]): ItemDemand[] {
  const kitById = new Map(kits.map((k) => [k.id, k]));
  const byKey = new Map<string, ItemDemand>();
  const add = (missionId: string, itemId: string, quantity: number, reservationId: string) => {
    const key = `${missionId}\u0000${itemId}`;
    const d = byKey.get(key) ?? { missionId, itemId, quantity: 0, reservationIds: [] };
    d.quantity += quantity;
    if (!d.reservationIds.includes(reservationId)) d.reservationIds.push(reservationId);
    byKey.set(key, d);
  };
  for (const r of reservations) {
    if (r.quantity <= 0) continue;
    if (r.itemId) add(r.missionId, r.itemId, r.quantity, r.id);
    else if (r.kitId) {
      const kit = kitById.get(r.kitId);
      if (!kit) continue;
      for (const line of kit.items) if (line.quantity > 0) add(r.missionId, line.itemId, line.quantity * r.quantity, r.id);
    }
  }
  return [...byKey.values()];
}

interface Span {
  missionId: string;
  start: number;
  end: number;
  quantity: number;
}

/**
 * The double bookings of a set of documents. For each item, a sweep over the missions' start and end instants:
 * in each stretch where the reserved sum is above the owned quantity, the missions then running form a conflict;
 * consecutive stretches with the same missions are one conflict (the window is their union).
 */
export function detectDoubleBookings(input: {
  items: readonly BookingItem[];
  kits: readonly BookingKit[];
  missions: readonly BookingMission[];
  reservations: readonly BookingReservation[];
}): EquipmentConflict[] {
  const items = new Map(input.items.map((i) => [i.id, i]));
  const missions = new Map<string, { start: number; end: number }>();
  for (const m of input.missions) {
    if (m.status === 'CANCELLED') continue;
    const start = Date.parse(m.startAt);
    const end = Date.parse(m.endAt);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) missions.set(m.id, { start, end });
  }
  const spansByItem = new Map<string, Span[]>();
  for (const d of itemDemands(input.reservations, input.kits)) {
    const m = missions.get(d.missionId);
    if (!m || !items.has(d.itemId)) continue;
    const list = spansByItem.get(d.itemId) ?? [];
    list.push({ missionId: d.missionId, start: m.start, end: m.end, quantity: d.quantity });
    spansByItem.set(d.itemId, list);
  }
  const out: EquipmentConflict[] = [];
  for (const [itemId, spans] of [...spansByItem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const available = items.get(itemId)!.quantity;
    const points = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
    let open: EquipmentConflict | null = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      const running = spans.filter((s) => s.start <= a && s.end >= b);
      const reserved = running.reduce((sum, s) => sum + s.quantity, 0);
      const ids = [...new Set(running.map((s) => s.missionId))].sort();
      if (reserved <= available) {
        if (open) out.push(open);
        open = null;
        continue;
      }
      if (open && open.to === new Date(a).toISOString() && open.missionIds.join() === ids.join()) {
        open.to = new Date(b).toISOString();
        open.reserved = Math.max(open.reserved, reserved);
        continue;
      }
      if (open) out.push(open);
      open = { itemId, missionIds: ids, reserved, available, from: new Date(a).toISOString(), to: new Date(b).toISOString() };
    }
    if (open) out.push(open);
  }
  return out;
}

/** The conflicts one mission is part of. */
export function conflictsOfMission(conflicts: readonly EquipmentConflict[], missionId: string): EquipmentConflict[] {
  return conflicts.filter((c) => c.missionIds.includes(missionId));
}
