import { uuidv7, type SyncDoc, type Viewer } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';
import { EQUIPMENT_SEASONS } from './equipment-content';

type Push = (viewer: Viewer, entity: string, docs: readonly SyncDoc[]) => Promise<void>;

/** The first two missions (by start) that run at the same time, then another one; cancelled missions left out. */
function overlappingPair(missions: readonly SyncDoc[], now: number): [SyncDoc, SyncDoc, SyncDoc | undefined] | null {
  const live = missions.filter((m) => m.status !== 'CANCELLED' && Date.parse(String(m.endAt)) > now).sort((a, b) => String(a.startAt).localeCompare(String(b.startAt)));
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length && String(live[j]!.startAt) < String(live[i]!.endAt); j++) {
      const third = live.find((m) => m !== live[i] && m !== live[j]);
      return [live[i]!, live[j]!, third];
    }
  }
  return null;
}

/**
 * The demo equipment of a season (equipment-content.ts), written through the sync core in the season's
 * transaction: the planner creates the catalogue and the reservations, the crew member reports the incidents on
 * their phone, the planner closes one. Returns the counts, or null for a season without equipment.
 */
export async function writeEquipment(
  tx: SyncTx,
  input: { slug: string; now: number; missions: readonly SyncDoc[]; venueIds: ReadonlyMap<string, string>; planner: Viewer; crew: Viewer | null; push: Push },
): Promise<Record<string, number> | null> {
  const season = EQUIPMENT_SEASONS.find((s) => s.slug === input.slug);
  if (!season) return null;
  const stamp = new Date(input.now).toISOString();
  const itemIds = new Map(season.items.map((i) => [i.key, uuidv7()]));
  const kitIds = new Map(season.kits.map((k) => [k.key, uuidv7()]));
  const ref = (id: string, kind: string, name: string, data: Record<string, unknown>) => ({ id, updatedAt: stamp, kind, name, archived: false, data }) as SyncDoc;
  const venue = (key: string | null) => (key ? (input.venueIds.get(key) ?? null) : null);
  const items = season.items.map((i) => ref(itemIds.get(i.key)!, 'equipment_item', i.name, { category: i.category, quantity: i.quantity, venueId: venue(i.venue), ...(i.serials ? { serials: i.serials } : {}) }));
  const kits = season.kits.map((k) => ref(kitIds.get(k.key)!, 'equipment_kit', k.name, { venueId: venue(k.venue), items: k.items.map((l) => ({ itemId: itemIds.get(l.item)!, quantity: l.quantity })) }));
  await input.push(input.planner, 'reference', [...items, ...kits]);

  const reservations: SyncDoc[] = [];
  const pair = overlappingPair(input.missions, input.now);
  if (pair) {
    const [a, b, c] = pair;
    const item = season.items.find((i) => i.key === season.doubleBooked)!;
    // One more than owned in total: each mission takes the whole stock.
    for (const m of [a, b]) reservations.push(ref(uuidv7(), 'equipment_reservation', item.name, { missionId: m.id, itemId: itemIds.get(item.key)!, kitId: null, quantity: item.quantity }));
    const kit = season.kits.find((k) => k.key === season.kitReserved);
    if (c && kit) reservations.push(ref(uuidv7(), 'equipment_reservation', kit.name, { missionId: c.id, itemId: null, kitId: kitIds.get(kit.key)!, quantity: 1 }));
    await input.push(input.planner, 'reference', reservations);
  }

  let incidents = 0;
  if (input.crew?.userId) {
    for (const x of season.incidents) {
      const at = new Date(input.now - x.daysAgo * 86_400_000).toISOString();
      const event = {
        id: uuidv7(), updatedAt: at, kind: 'INCIDENT', userId: input.crew.userId, missionId: null, subjectId: null, at, deviceId: 'demo-phone',
        payload: { category: x.category, severity: x.severity, description: x.description, equipmentItemId: x.item ? itemIds.get(x.item)! : null, venueId: null, hasPhoto: false },
        receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
      } as SyncDoc;
      await input.push(input.crew, 'field_events', [event]);
      incidents++;
      if (x.closeNote) {
        const closedAt = new Date(Date.parse(at) + 86_400_000).toISOString();
        await input.push(input.planner, 'field_events', [
          { ...event, id: uuidv7(), updatedAt: closedAt, at: closedAt, deviceId: null, payload: { closes: event.id, note: x.closeNote } } as SyncDoc,
        ]);
      }
    }
  }
  return { equipmentItems: items.length, equipmentKits: kits.length, equipmentReservations: reservations.length, incidents };
}
