/** Loads the data set into the demo organisation through the sync push API, in batches of 500 rows. */
import type { APIRequestContext } from '@playwright/test';
import type { DataSet, Doc } from './data';

const BATCH = 500;

async function pushAll(api: APIRequestContext, collection: string, rows: { newDocumentState: Doc; assumedMasterState?: Doc }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const res = await api.post(`/api/v1/sync/${collection}/push?details=1`, { data: rows.slice(i, i + BATCH), timeout: 300_000 });
    if (res.status() !== 200) throw new Error(`push ${collection}: HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as { rejected: { id: string; code: string }[] };
    if (body.rejected.length > 0) throw new Error(`push ${collection}: ${body.rejected.length} refused, first ${JSON.stringify(body.rejected[0])}`);
  }
}

export async function seedServer(api: APIRequestContext, data: DataSet, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const steps: [string, { newDocumentState: Doc; assumedMasterState?: Doc }[]][] = [
    ['reference', data.reference.map((d) => ({ newDocumentState: d }))],
    ['users', data.users.map((d) => ({ newDocumentState: d }))],
    ['missions', data.missions.map((d) => ({ newDocumentState: d }))],
    ['assignments', data.assignments.map((d) => ({ newDocumentState: d }))],
    ['assignments', data.accepted],
  ];
  for (const [collection, rows] of steps) {
    const t = Date.now();
    await pushAll(api, collection, rows);
    const ms = Date.now() - t;
    log(`  pushed ${rows.length} ${collection} in ${(ms / 1000).toFixed(1)} s (${Math.round((rows.length * 1000) / Math.max(ms, 1))} docs/s)`);
  }
  return Date.now() - started;
}
