import { kpiValues, uuidv7 } from '@coulisses/shared';
import type { LocalWrites } from '../useLocalWrites';
import type { KpiValueDoc } from './board-queries';

/** One value typed in the quick entry for a KPI's period. */
export interface ValueEntry {
  kpiId: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}

/** A new kpi_values document (registry-valid; the server computes status, who entered it and the history). */
export function newKpiValue(entry: ValueEntry, now: Date = new Date(), id: string = uuidv7(now.getTime())): KpiValueDoc {
  const at = now.toISOString();
  return kpiValues.schema.parse({ id, ...entry, enteredAt: at, status: null, enteredByAccountId: null, history: [], updatedAt: at }) as KpiValueDoc;
}

/**
 * The local document of a KPI's period, if this device has one: the latest entry (enteredAt, then id), as the
 * other KPI screens show it (data/kpi/queries.ts latestPerPeriod) while two entries wait for the server's merge.
 */
export function valueDocIndex(docs: readonly KpiValueDoc[]): Map<string, KpiValueDoc> {
  const out = new Map<string, KpiValueDoc>();
  for (const d of docs) {
    if (d._deleted) continue;
    const key = `${d.kpiId}|${d.periodStart}`;
    const prev = out.get(key);
    if (!prev || d.enteredAt > prev.enteredAt || (d.enteredAt === prev.enteredAt && d.id > prev.id)) out.set(key, d);
  }
  return out;
}

/**
 * Saves the entries in the local store (offline too; the outbox sends them): a period that already has a
 * document gets the new value (the server keeps the replaced one in its history), otherwise a new document.
 * Answers the ids written.
 */
export async function saveValues(writes: LocalWrites, existing: ReadonlyMap<string, KpiValueDoc>, entries: readonly ValueEntry[], now: Date = new Date()): Promise<string[]> {
  const ids: string[] = [];
  const fresh: KpiValueDoc[] = [];
  for (const e of entries) {
    const doc = existing.get(`${e.kpiId}|${e.periodStart}`);
    if (doc) {
      await writes.patch('kpi_values', doc.id, { value: e.value, enteredAt: now.toISOString() });
      ids.push(doc.id);
    } else {
      const created = newKpiValue(e, now);
      fresh.push(created);
      ids.push(created.id);
    }
  }
  await writes.bulkInsert('kpi_values', fresh);
  return ids;
}
