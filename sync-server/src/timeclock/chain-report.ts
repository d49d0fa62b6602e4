import { verifyChain, type ChainReport } from '@coulisses/shared/timeclock/chain';
import type { PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { Sql } from '../db/connect';

/** One device's chain as the server holds it, with the kiosk's name (null for a phone) and the last arrival. */
export type DeviceChainReport = ChainReport & { kioskName: string | null; lastReceivedAt: string | null };

interface Row {
  id: string;
  doc: Record<string, unknown>;
}

/**
 * Verifies the chain of every device that pushed punches to the organisation (or of one device). The server can
 * only report what it holds: a punch removed after arrival shows as a GAP (or a BROKEN link), an edited one as
 * ALTERED; punches a device has not pushed yet show as a GAP until they arrive.
 */
export async function chainReports(sql: Sql, orgId: string, deviceId?: string): Promise<DeviceChainReport[]> {
  const rows = deviceId
    ? await sql<Row[]>`
        select id, doc from field_events
        where org_id = ${orgId} and doc->>'kind' = 'PUNCH' and doc->>'deviceId' = ${deviceId} and not deleted
        order by (doc->'payload'->>'seq')::bigint`
    : await sql<Row[]>`
        select id, doc from field_events
        where org_id = ${orgId} and doc->>'kind' = 'PUNCH' and doc->>'deviceId' is not null and not deleted
        order by doc->>'deviceId', (doc->'payload'->>'seq')::bigint`;
  const byDevice = new Map<string, { events: PunchEvent[]; lastReceivedAt: string | null }>();
  for (const r of rows) {
    const d = r.doc;
    const device = String(d.deviceId);
    const entry = byDevice.get(device) ?? { events: [], lastReceivedAt: null };
    entry.events.push({
      id: r.id,
      kind: String(d.kind),
      userId: (d.userId as string | null) ?? null,
      missionId: (d.missionId as string | null) ?? null,
      at: String(d.at),
      deviceId: device,
      payload: (d.payload as Record<string, unknown>) ?? {},
    });
    const received = typeof d.receivedAt === 'string' ? d.receivedAt : null;
    if (received && (!entry.lastReceivedAt || received > entry.lastReceivedAt)) entry.lastReceivedAt = received;
    byDevice.set(device, entry);
  }
  const kioskIds = [...byDevice.keys()].filter((d) => d.startsWith('kiosk-')).map((d) => d.slice('kiosk-'.length));
  const kiosks = kioskIds.length
    ? await sql<{ id: string; name: string }[]>`select id, name from kiosks where org_id = ${orgId} and id in ${sql(kioskIds)}`
    : [];
  const kioskName = new Map(kiosks.map((k) => [`kiosk-${k.id}`, k.name]));
  const out: DeviceChainReport[] = [];
  for (const [device, entry] of byDevice) {
    out.push({ ...verifyChain(device, entry.events), kioskName: kioskName.get(device) ?? null, lastReceivedAt: entry.lastReceivedAt });
  }
  return out.sort((a, b) => String(b.lastReceivedAt ?? '').localeCompare(String(a.lastReceivedAt ?? '')) || a.deviceId.localeCompare(b.deviceId));
}
