import { translate, uuidv7 } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, putAsServer } from '../helpers/analytics-fixture';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();

type Err = { error: { code: string; message: string; details?: { path?: string }[] } };
type Verdict = { result: string; reason: string; export: { serverMade: boolean; exportedBy: { accountId: string }; viewId: string; format: string; filters: Record<string, string | null> } | null };
type Me = { account: { id: string; name: string }; activeOrg: { id: string; name: string } };
type Dash = {
  pay: boolean;
  series: { days: string[]; plannedMinutes: number[]; actualMinutes: number[]; compareDays: (string | null)[] | null; comparePlannedMinutes: (number | null)[] | null };
  heatmap: { overall: { cells: number[] } };
  incidents: { byVenueCategory: { venueId: string | null; category: string | null; open: number; closed: number; total: number }[] };
};

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** A strict reader of the file: BOM, CRLF lines, `;` fields with RFC 4180 quotes; every line the same width. */
function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  const rows = lines.map((line) => {
    expect(line.includes('\n') || line.includes('\r')).toBe(false);
    const fields: string[] = [];
    let i = 0;
    for (;;) {
      let field = '';
      if (line[i] === '"') {
        i++;
        for (;;) {
          const q = line.indexOf('"', i);
          expect(q).toBeGreaterThanOrEqual(0);
          field += line.slice(i, q);
          i = q + 1;
          if (line[i] === '"') {
            field += '"';
            i++;
          } else break;
        }
      } else {
        const end = line.indexOf(';', i);
        field = line.slice(i, end < 0 ? line.length : end);
        i = end < 0 ? line.length : end;
      }
      fields.push(field);
      if (i >= line.length) break;
      expect(line[i]).toBe(';');
      i++;
      if (i === line.length) {
        fields.push('');
        break;
      }
    }
    return fields;
  });
  const width = rows[0]!.length;
  for (const r of rows) expect(r.length).toBe(width);
  return rows;
}

/** Spaces as plain spaces (Intl writes no-break spaces in French figures). */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** The rows of the table titled `title`: after its `# title` line and its header, up to the next blank line. */
function table(rows: string[][], title: string): { columns: string[]; rows: string[][] } {
  const at = rows.findIndex((r) => r[0] === `# ${title}`);
  expect(at, title).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > at && r.every((f) => f === ''));
  return { columns: rows[at + 1]!, rows: rows.slice(at + 2, end) };
}

/**
 * Server-made signed CSV exports (issue 13, docs/decisions/signed-exports.md): POST /api/v1/analytics/exports
 * without a hash. The slices are the ones of analytics-dashboard.test.ts, written as the server; the figures are
 * hand-computed there (and below), and must be those of GET /api/v1/analytics/dashboard.
 */
describe.each(backends)('server-made CSV exports on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let adminMe: Me;
  let managerAccount: string;
  let orgA: string;
  const { teamId, pA, pB, pC, payJan, slices } = dashboardFixture();

  beforeAll(async () => {
    // No job runner: the slices are written by hand as the server; a warehouse refresh (the seed's queued ones,
    // or the daily purge's check of the slice window) must not rewrite them between a write and a read.
    server = await startTestServer(backend, { jobRunner: false });
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    adminMe = (await (await admin.get('/api/v1/me')).json()) as Me;
    orgA = adminMe.activeOrg.id;
    managerAccount = await accountIdOf(manager);
    await create(manager, 'users', [pA, pB, pC]);
    await putAsServer(server, orgA, slices());
  });
  afterAll(async () => server?.close());

  const JANUARY = { from: '2031-01-01', to: '2031-01-31' };
  const exportCsv = (client: TestClient, filters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    client.post('/api/v1/analytics/exports', { format: 'csv', viewId: 'analytics.dashboard', filters, ...extra });
  const verify = async (file: Uint8Array): Promise<Verdict> =>
    json<Verdict>(await fetch(`${server.url}/api/v1/analytics/exports/verify`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file }), 200);
  const fileOf = async (res: Response): Promise<Uint8Array> => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.status, new TextDecoder().decode(bytes)).toBe(201);
    return bytes;
  };
  const fr = (key: string) => translate('fr', key);

  it('ADMIN: a signed CSV with the metadata, the pay figures and the seal, GENUINE and server-made', async () => {
    const res = await exportCsv(admin, { ...JANUARY, compare: 'previous' });
    const bytes = await fileOf(res);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const id = res.headers.get('x-export-id')!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="coulisses-analytics-dashboard-\d{8}-\d{4}\.csv"$/);
    const rows = parseCsv(bytes);
    const meta = new Map(rows.filter((r) => r[0]!.startsWith('# ') && r[1] !== '').map((r) => [r[0]!.slice(2), r[1]!]));
    expect(meta.get(fr('exportsFile.organisation'))).toBe(adminMe.activeOrg.name);
    expect(meta.get(fr('exportsFile.exportedBy'))).toBe(adminMe.account.name);
    expect(meta.get(fr('exportsFile.project'))).toBe(fr('exportsFile.allProjects'));
    expect(meta.get(fr('exportsFile.exportId'))).toBe(`CCEXPORT1:${id}`);
    const utc = meta.get(fr('exportsFile.exportedAtUtc'))!;
    expect(Math.abs(Date.parse(utc) - Date.now())).toBeLessThan(60_000);
    expect(meta.get(fr('exportsFile.exportedAt'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/Paris\)$/);
    // The filters as shown, and the comparison period (December 2030, the previous whole month).
    expect(plain(meta.get(`${fr('exportsFile.filter')} ${fr('analyticsPage.filters.period')}`)!)).toBe('1 janv. 2031 - 31 janv. 2031');
    expect(meta.get(`${fr('exportsFile.filter')} ${fr('analyticsPage.filters.compare')}`)).toBe(fr('analyticsPage.compare.previous'));
    expect(plain(meta.get(`${fr('exportsFile.filter')} ${fr('analyticsPage.export.comparePeriod')}`)!)).toBe('1 d\u00e9c. 2030 - 31 d\u00e9c. 2030');
    // The seal: the last line, signed (86 base64url characters, a dot, the key id, dots).
    const last = rows[rows.length - 1]!;
    expect(last[0]).toBe(`# ${fr('exportsFile.seal')}`);
    expect(last[1]).toMatch(/^CCSEAL1:[A-Za-z0-9_-]{86}\.[A-Za-z0-9_-]{16}\.{25}$/);

    // Indicators by hand (analytics-dashboard.test.ts): 2 / 3 covered, 960 min planned, 1260 actual, 25500 cents.
    const ind = new Map(table(rows, fr('analyticsPage.indicators')).rows.map((r) => [r[0]!, r.slice(1, 4).map(plain)]));
    expect(ind.get(fr('analyticsPage.ind.coverage'))![0]).toBe('66,7 %');
    // (960 - 600) / 600 = +60 %; a text cell starting with + is written '+ so spreadsheets do not read a formula.
    expect(ind.get(fr('analyticsPage.ind.planned'))).toEqual(['16 h 00', '10 h 00', "'+60 %"]);
    expect(ind.get(fr('analyticsPage.ind.actual'))![0]).toBe('21 h 00');
    expect(ind.get(fr('analyticsPage.ind.overtime'))![0]).toBe('0 h 30');
    expect(ind.get(fr('analyticsPage.ind.payroll'))!.slice(0, 2)).toEqual(['255,00 \u20ac', '100,00 \u20ac']);
    expect(ind.get(fr('analyticsPage.ind.hourlyCost'))![0]).toBe('12,14 \u20ac');
    expect(ind.get(fr('analyticsPage.ind.incidents'))![0]).toBe('1');

    const verdict = await verify(bytes);
    expect(verdict).toMatchObject({ result: 'GENUINE', reason: 'SIGNATURE_VALID' });
    expect(verdict.export).toMatchObject({ serverMade: true, format: 'csv', viewId: 'analytics.dashboard', exportedBy: { accountId: adminMe.account.id } });
    expect(verdict.export!.filters).toMatchObject({ from: '2031-01-01', to: '2031-01-31', compare: 'previous', projectId: null });
    const [stored] = await server.deps.db.sql<{ source: string }[]>`select source from analytics_exports where id = ${id}`;
    expect(stored!.source).toBe('SERVER');
    expect((await json<{ serverMade: boolean }>(await admin.get(`/api/v1/analytics/exports/${id}`), 200)).serverMade).toBe(true);

    // One byte changed (16 h -> 17 h): ALTERED.
    const altered = bytes.slice();
    const at = new TextDecoder().decode(altered).indexOf('16\u00a0h');
    expect(at).toBeGreaterThan(0);
    altered[at + 1] = '7'.charCodeAt(0);
    expect(await verify(altered)).toMatchObject({ result: 'ALTERED', reason: 'HASH_MISMATCH' });
  });

  it('the tables hold the figures of GET /api/v1/analytics/dashboard for the same filters', async () => {
    const filters = { ...JANUARY, teamId, compare: 'previous' };
    const dash = await json<Dash>(await admin.get(`/api/v1/analytics/dashboard?from=2031-01-01&to=2031-01-31&teamId=${teamId}&compare=previous`), 200);
    const rows = parseCsv(await fileOf(await exportCsv(admin, filters, { locale: 'en' })));
    const en = (key: string) => translate('en', key);
    const num = (s: string) => (s === '' ? null : Number(s));
    // English: decimal points. Daily hours = minutes / 60, two decimals.
    const daily = table(rows, en('analyticsPage.curves.title'));
    expect(daily.rows.map((r) => r[0])).toEqual(dash.series.days);
    expect(daily.rows.map((r) => num(r[1]!))).toEqual(dash.series.plannedMinutes.map((m) => Math.round((m / 60) * 100) / 100));
    expect(daily.rows.map((r) => num(r[2]!))).toEqual(dash.series.actualMinutes.map((m) => Math.round((m / 60) * 100) / 100));
    expect(daily.rows.map((r) => r[3] || null)).toEqual(dash.series.compareDays);
    // Team T: r1 + r2 on Monday 6 January, 16 h planned; 10 h on 15 December compared.
    expect(daily.rows[5]!.slice(0, 3)).toEqual(['2031-01-06', '16', '16']);
    const heat = table(rows, `${en('analyticsPage.heatmap.title')} - ${en('analyticsPage.heatmap.allVenues')}`);
    expect(heat.rows).toHaveLength(7);
    expect(heat.rows.flatMap((r) => r.slice(1, 25).map(Number))).toEqual(dash.heatmap.overall.cells.map((m) => Math.round((m / 60) * 100) / 100));
    // Monday 09:00-17:00 local, two people: 2 h per hour cell.
    expect(heat.rows[0]!.slice(10, 18)).toEqual(Array(8).fill('2'));
    const incidents = table(rows, en('analyticsPage.incidents.title'));
    expect(incidents.rows.map((r) => r.slice(2, 5).map(Number))).toEqual(dash.incidents.byVenueCategory.map((i) => [i.open, i.closed, i.total]));
    const ind = new Map(table(rows, en('analyticsPage.indicators')).rows.map((r) => [r[0]!, r.slice(1, 4).map(plain)]));
    // Team T pay: 9000 + 12000 = 21000 cents.
    expect(ind.get(en('analyticsPage.ind.payroll'))![0]).toBe('\u20ac210.00');
    expect(ind.get(en('analyticsPage.ind.planned'))![0]).toBe('16h 00m');
  });

  it('MANAGER not named as a pay reader: no pay rows and no pay figure in the file; named: the pay rows', async () => {
    const bytes = await fileOf(await exportCsv(manager, JANUARY));
    const rows = parseCsv(bytes);
    const labels = table(rows, fr('analyticsPage.indicators')).rows.map((r) => r[0]);
    expect(labels).toContain(fr('analyticsPage.ind.planned'));
    expect(labels).not.toContain(fr('analyticsPage.ind.payroll'));
    expect(labels).not.toContain(fr('analyticsPage.ind.hourlyCost'));
    expect(plain(new TextDecoder().decode(bytes))).not.toMatch(/255,00|12,14/);
    expect((await verify(bytes)).export).toMatchObject({ serverMade: true, exportedBy: { accountId: managerAccount } });

    await putAsServer(server, orgA, [payJan([managerAccount])]);
    const named = table(parseCsv(await fileOf(await exportCsv(manager, JANUARY))), fr('analyticsPage.indicators')).rows;
    expect(named.find((r) => r[0] === fr('analyticsPage.ind.payroll'))!.map(plain)[1]).toBe('255,00 \u20ac');
    await putAsServer(server, orgA, [payJan([])]);
  });

  it('TECH 403, no session 401, and nothing registered', async () => {
    const before = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from analytics_exports`;
    expect((await json<Err>(await exportCsv(tech, JANUARY), 403)).error.code).toBe('FORBIDDEN');
    expect((await json<Err>(await exportCsv(new TestClient(server.url), JANUARY), 401)).error.code).toBe('UNAUTHENTICATED');
    const after = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from analytics_exports`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it.each([
    ['a bad date', { filters: { from: '2031-13-01', to: '2031-01-31' } }],
    ['to before from', { filters: { from: '2031-02-01', to: '2031-01-31' } }],
    ['from without to', { filters: { from: '2031-01-01' } }],
    ['more than 1096 days', { filters: { from: '2028-01-01', to: '2031-01-31' } }],
    ['an unknown filter', { filters: { ...JANUARY, projet: 'P1' } }],
    ['an unknown comparison', { filters: { ...JANUARY, compare: 'yesterday' } }],
    ['a role too long', { filters: { ...JANUARY, role: 'x'.repeat(201) } }],
    ['a PNG made by the server', { format: 'png', filters: JANUARY }],
    ['another view', { viewId: 'kpi.board', filters: JANUARY }],
    ['an unknown language', { locale: 'de', filters: JANUARY }],
    ['an unknown field', { filters: JANUARY, exportedAt: new Date().toISOString() }],
    ['an export marker in a filter', { filters: { ...JANUARY, role: `CCEXPORT1:${uuidv7()}` } }],
  ])('%s: 400 VALIDATION_FAILED, nothing registered', async (_name, body) => {
    const before = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from analytics_exports`;
    const res = await admin.post('/api/v1/analytics/exports', { format: 'csv', viewId: 'analytics.dashboard', ...body });
    expect((await json<Err>(res, 400)).error.code).toBe('VALIDATION_FAILED');
    const after = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from analytics_exports`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a device-made export still registers with its hash and verifies as not server-made', async () => {
    const rows = parseCsv(await fileOf(await exportCsv(admin, JANUARY)));
    expect(rows.length).toBeGreaterThan(10);
    const { buildCsv } = await import('@coulisses/shared/analytics/export-files');
    const { contentHash, sealValue, writeSeal } = await import('@coulisses/shared/analytics/export-seal');
    const id = uuidv7();
    const exportedAt = new Date().toISOString();
    const file = new TextEncoder().encode(buildCsv({
      exportId: id, viewId: 'analytics.dashboard', title: 'Tableau', exportedAt, timezone: 'Europe/Paris', orgId: orgA, orgName: adminMe.activeOrg.name,
      projectName: null, exportedBy: adminMe.account.name, accountId: adminMe.account.id, filters: [],
    }, [{ title: 'T', columns: ['a', 'b'], rows: [['x', 1]] }], 'fr'));
    const sig = await json<{ signature: string; keyId: string }>(await admin.post('/api/v1/analytics/exports', {
      id, format: 'csv', viewId: 'analytics.dashboard', fileName: 'tableau.csv', sha256: contentHash(file), filters: {}, projectId: null, exportedAt, createdOffline: false,
    }), 201);
    const signed = writeSeal(file, sealValue(sig.signature, sig.keyId));
    expect((await verify(signed))).toMatchObject({ result: 'GENUINE', export: { serverMade: false } });
  });
});
