import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDoc } from '@coulisses/shared';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { finishedJob, fixtureBytes, kpiDoc, postFile, type JobView } from '../helpers/kpi-import';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();
const MAPPING = JSON.stringify({ kpi: 0, period: 1, value: 2, comment: 3 });
const ERRORS_FILE = { name: 'values-errors.xlsx', bytes: fixtureBytes('values-errors.xlsx') };

describe.each(backends)('KPI value import on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let admin: TestClient;
  let tech: TestClient;
  let other: TestClient;
  const fill = kpiDoc('Taux de remplissage', 'MONTHLY');
  const overtime = kpiDoc('Heures supplementaires', 'WEEKLY', { unit: 'h', direction: 'DOWN_IS_BETTER', target: 10, thresholds: { kind: 'ABSOLUTE', green: 10, orange: 20 } });
  const incidents = kpiDoc('Incidents', 'DAILY', { unit: 'nb', direction: 'DOWN_IS_BETTER', target: 0, thresholds: { kind: 'ABSOLUTE', green: 0, orange: 2 } });
  const budget = kpiDoc('Budget annuel', 'YEARLY', { unit: 'EUR', target: null });
  const foreign = kpiDoc('Jauge festival', 'MONTHLY');
  const ids = [fill.id, overtime.id, incidents.id, budget.id];

  const values = async (): Promise<SyncDoc[]> => {
    const rows = await server.deps.db.sql<{ doc: SyncDoc }[]>`
      select doc from kpi_values where not deleted and doc->>'kpiId' = any(${ids}::text[]) order by doc->>'kpiId', doc->>'periodStart'`;
    return rows.map((r) => r.doc);
  };
  const start = async (client: TestClient, file: { name: string; bytes: Uint8Array | string }, mode: string, mapping = MAPPING): Promise<JobView> => {
    const res = await postFile(client, '/api/v1/imports/kpi-values', file, { mapping, mode });
    expect(res.status, await res.clone().text()).toBe(202);
    const { job } = (await res.json()) as { job: JobView };
    expect(job.status).toBe('PENDING');
    return finishedJob(client, job.id);
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    other = await signedIn(server.url, 'regie@nuits-blanches.demo');
    await create(manager, 'reference', [fill, overtime, incidents, budget]);
    await create(other, 'reference', [foreign]);
  });
  afterAll(async () => server?.close());

  it('previews columns, first rows, a suggested mapping and the errors with their line numbers', async () => {
    const res = await postFile(manager, '/api/v1/imports/kpi-values/preview', ERRORS_FILE);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { errors: { line: number; code: string }[]; rows: { line: number; cells: unknown[] }[] };
    expect(body).toMatchObject({
      fileName: 'values-errors.xlsx', format: 'xlsx', columns: ['Indicateur', 'Periode', 'Valeur', 'Commentaire'],
      suggestedMapping: { kpi: 0, period: 1, value: 2, comment: 3 }, totalRows: 8, validRows: 4, errorCount: 4,
    });
    expect(body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.rows[0]).toEqual({ line: 2, cells: ['Taux de remplissage', '2026-01', '82,5', null] });
    expect(body.errors.map((e) => [e.line, e.code])).toEqual([[4, 'UNKNOWN_KPI'], [5, 'BAD_PERIOD'], [7, 'NOT_A_NUMBER'], [8, 'DUPLICATE_ROW']]);
    // Another mapping: the value read from the comment column.
    const res2 = await postFile(manager, '/api/v1/imports/kpi-values/preview', ERRORS_FILE, { mapping: JSON.stringify({ kpi: 0, period: 1, value: 3 }) });
    expect(((await res2.json()) as { validRows: number }).validRows).toBe(0);
  });

  it('ALL_OR_NOTHING with errors writes nothing; the job is FAILED with the errors', async () => {
    const job = await start(manager, ERRORS_FILE, 'ALL_OR_NOTHING');
    expect(job).toMatchObject({ status: 'FAILED', errorCode: 'IMPORT_HAS_ERRORS', total: 8, imported: 0, rejected: 4 });
    expect(job.errors.map((e) => e.line)).toEqual([4, 5, 7, 8]);
    expect(await values()).toEqual([]);
  });

  it('KEEP_VALID writes only the valid rows, with statuses computed by the KPI hooks; a re-import is unchanged', async () => {
    const job = await start(manager, ERRORS_FILE, 'KEEP_VALID');
    expect(job).toMatchObject({ status: 'SUCCESS', errorCode: null, total: 8, processed: 8, imported: 4, unchanged: 0, rejected: 4 });
    const stored = await values();
    // Statuses from the KPI hooks: fill rate green >= 90, orange >= 80; overtime green <= 10, orange <= 20;
    // incidents green 0, orange <= 2. Who entered them: the manager's account.
    expect(stored.map((v) => [v.periodStart, v.value, v.status])).toEqual(expect.arrayContaining([
      ['2026-01-01', 82.5, 'ORANGE'],
      ['2026-02-01', 88, 'ORANGE'],
      ['2026-03-03', 2, 'ORANGE'],
      ['2026-01-26', 12.5, 'ORANGE'],
    ]));
    expect(stored.every((v) => typeof v.enteredByAccountId === 'string')).toBe(true);
    expect(stored).toHaveLength(4);
    const again = await start(manager, ERRORS_FILE, 'KEEP_VALID');
    expect(again).toMatchObject({ status: 'SUCCESS', imported: 0, unchanged: 4, rejected: 4 });
    const after = await values();
    expect(after.map((v) => v.history)).toEqual([[], [], [], []]);
    expect(after.map((v) => v.updatedAt)).toEqual(stored.map((v) => v.updatedAt));
  });

  it('a changed value replaces the stored one and keeps it in the history', async () => {
    const csv = 'Indicateur;Periode;Valeur\nTaux de remplissage;2026-01;95\n';
    const job = await start(admin, { name: 'fix.csv', bytes: csv }, 'ALL_OR_NOTHING', JSON.stringify({ kpi: 0, period: 1, value: 2 }));
    expect(job).toMatchObject({ status: 'SUCCESS', imported: 1, unchanged: 0, rejected: 0 });
    const jan = (await values()).find((v) => v.kpiId === fill.id && v.periodStart === '2026-01-01')!;
    expect(jan).toMatchObject({ value: 95, status: 'GREEN' });
    expect((jan.history as { value: number }[]).map((h) => h.value)).toEqual([82.5]);
  });

  it('imports the other fixtures: date cells, French text, CSV with BOM and cp1252', async () => {
    for (const [name, mapping] of [
      ['values-dates.xlsx', MAPPING],
      ['values-fr-text.xlsx', JSON.stringify({ kpi: 0, period: 1, value: 2 })],
      ['values-semicolon-bom.csv', MAPPING],
      ['values-comma-cp1252.csv', JSON.stringify({ kpi: 0, period: 1, value: 2 })],
    ] as const) {
      const job = await start(manager, { name, bytes: fixtureBytes(name) }, 'ALL_OR_NOTHING', mapping);
      expect(job, name).toMatchObject({ status: 'SUCCESS', rejected: 0 });
    }
    const stored = await values();
    expect(stored.find((v) => v.kpiId === budget.id)).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 12500.75, status: 'GREEN' });
    expect(stored.find((v) => v.kpiId === incidents.id && v.periodStart === '2026-03-11')).toMatchObject({ value: 4, comment: 'retard; "livraison"\r\nsuite' });
  });

  it('lists the jobs (newest first) and audits each finished import', async () => {
    const res = await manager.get('/api/v1/imports/jobs');
    expect(res.status).toBe(200);
    const { jobs } = (await res.json()) as { jobs: JobView[] };
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    expect(jobs.every((j) => j.status === 'SUCCESS' || j.status === 'FAILED')).toBe(true);
    const audits = await server.deps.db.sql<{ data: { status: string } }[]>`select data from audit_log where action = 'kpi_import.finished'`;
    expect(audits.length).toBe(jobs.length);
    // The job documents sync to ADMIN and MANAGER like any analytics slice.
    const docs = await server.deps.db.sql<{ id: string }[]>`select id from analytics_slices where doc->>'kind' = 'import_job'`;
    expect(docs.length).toBe(jobs.length);
  });

  it('TECH is refused (403); another organisation sees none of these jobs and its KPI ids are unknown here', async () => {
    expect((await postFile(tech, '/api/v1/imports/kpi-values/preview', ERRORS_FILE)).status).toBe(403);
    expect((await postFile(tech, '/api/v1/imports/kpi-values', ERRORS_FILE, { mapping: MAPPING, mode: 'KEEP_VALID' })).status).toBe(403);
    expect((await tech.get('/api/v1/imports/jobs')).status).toBe(403);
    const mine = ((await (await manager.get('/api/v1/imports/jobs')).json()) as { jobs: JobView[] }).jobs;
    expect((await other.get(`/api/v1/imports/jobs/${mine[0]!.id}`)).status).toBe(404);
    expect(((await (await other.get('/api/v1/imports/jobs')).json()) as { jobs: JobView[] }).jobs).toEqual([]);
    const csv = `KPI;Periode;Valeur\n${foreign.id};2026-03;50\n`;
    const res = await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'x.csv', bytes: csv });
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ line: 2, column: 'KPI', code: 'UNKNOWN_KPI' }]);
  });

  it('refuses bad uploads with stable codes: no file, not a spreadsheet, old .xls, bad mapping, bad mode, too large', async () => {
    const noFile = await fetch(`${manager.baseUrl}/api/v1/imports/kpi-values/preview`, {
      method: 'POST', body: new FormData(), headers: { cookie: manager.cookieHeader(), origin: manager.baseUrl.replace('127.0.0.1', 'localhost') },
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('IMPORT_NO_FILE');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
    const cases: [string, Response, number, string][] = [
      ['png', await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'photo.xlsx', bytes: png }), 400, 'IMPORT_NOT_A_SPREADSHEET'],
      ['zip', await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'a.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]) }), 400, 'IMPORT_NOT_A_SPREADSHEET'],
      ['xls', await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }), 400, 'IMPORT_XLS_UNSUPPORTED'],
      ['mapping', await postFile(manager, '/api/v1/imports/kpi-values', ERRORS_FILE, { mapping: '{"kpi":0,"period":0,"value":2}', mode: 'KEEP_VALID' }), 400, 'IMPORT_BAD_MAPPING'],
      ['mapping json', await postFile(manager, '/api/v1/imports/kpi-values', ERRORS_FILE, { mapping: '{', mode: 'KEEP_VALID' }), 400, 'IMPORT_BAD_MAPPING'],
      ['mapping out of range', await postFile(manager, '/api/v1/imports/kpi-values', ERRORS_FILE, { mapping: '{"kpi":0,"period":1,"value":9}', mode: 'KEEP_VALID' }), 400, 'IMPORT_BAD_MAPPING'],
      ['mode', await postFile(manager, '/api/v1/imports/kpi-values', ERRORS_FILE, { mapping: MAPPING, mode: 'SOME' }), 400, 'VALIDATION_FAILED'],
      ['oversize', await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'big.csv', bytes: new Uint8Array(11 * 1024 * 1024).fill(0x41) }), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [name, res, status, code] of cases) {
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, name).toBe(code);
      expect(body.error.message, name).not.toBe('');
    }
    expect((await manager.get('/api/v1/imports/jobs/nope')).status).toBe(404);
  });

  it('a NUL character in a CSV cell is a row error, not a failed request', async () => {
    const csv = 'KPI;Periode;Valeur\nIncidents;2026-04-01;1\u0000\nIncidents;2026-04-02;1\n';
    const res = await postFile(manager, '/api/v1/imports/kpi-values/preview', { name: 'nul.csv', bytes: csv });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ line: 2, column: 'Valeur', code: 'UNSAFE_TEXT' }]);
  });
});
