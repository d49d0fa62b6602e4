import fs from 'node:fs';
import path from 'node:path';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import type { TestClient } from './client';
import { now } from './docs';

/** A KPI definition as a reference document of kind kpi (docs/data-model.md). */
export function kpiDoc(name: string, frequency: string, fields: Record<string, unknown> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'kpi', name, archived: false, _deleted: false,
    data: {
      unit: '%', decimals: 1, frequency, direction: 'UP_IS_BETTER', target: 90,
      thresholds: { kind: 'ABSOLUTE', green: 90, orange: 80 }, aggregation: 'AVERAGE', source: 'IMPORT', active: true, gracePeriodDays: 3,
      ...fields,
    },
  } as SyncDoc;
}

export const FIXTURES = path.join(import.meta.dirname, '../fixtures/kpi-import');
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

/** Posts a multipart form (file + fields) as the signed-in client. */
export async function postFile(client: TestClient, route: string, file: { name: string; bytes: Uint8Array | string; type?: string }, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('file', new Blob([file.bytes as Uint8Array<ArrayBuffer> | string], { type: file.type ?? 'application/octet-stream' }), file.name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(client.baseUrl + route, {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookieHeader(), origin: client.baseUrl.replace('127.0.0.1', 'localhost'), 'accept-language': 'fr' },
  });
}

export interface JobView {
  id: string;
  status: string;
  total: number;
  processed: number;
  imported: number;
  unchanged: number;
  rejected: number;
  errors: { line: number; column?: string; code: string }[];
  errorCode: string | null;
  createdByAccountId: string;
  finishedAt: string | null;
}

/** Waits for a job to finish (SUCCESS or FAILED) through GET /api/v1/imports/jobs/:id. */
export async function finishedJob(client: TestClient, id: string, timeoutMs = 120_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/imports/jobs/${id}`);
    if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${await res.text()}`);
    const { job } = (await res.json()) as { job: JobView };
    if (job.status === 'SUCCESS' || job.status === 'FAILED') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
