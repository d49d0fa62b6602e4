import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { parseSignatureHeader, signedPayload } from '@coulisses/shared/integrations/webhooks';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connect';
import { registerWebhookJobs } from '../../src/integrations/webhooks/jobs';
import { WEBHOOK_MAX_ATTEMPTS } from '../../src/integrations/webhooks/queue';
import { insertEndpoint } from '../../src/integrations/webhooks/repo';
import { JobRunner } from '../../src/jobs/runner';
import { availableBackends } from '../helpers/backends';
import { signedIn, TestClient } from '../helpers/client';
import { assignment, kpiDef, kpiValue, mission, person, TestDevice } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

type Err = { error: { code: string; message: string } };
type Endpoint = { id: string; url: string; events: string[]; format: string; active: boolean };
type Delivery = { id: string; eventId: string; eventType: string; idempotencyKey: string; status: string; attempts: number; lastResponseCode: number | null; lastError: string | null };

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** The local receiver: records every request by path, answers the statuses planned for that path, then 200. */
async function startReceiver() {
  const got: Received[] = [];
  const plans = new Map<string, number[]>();
  const srv = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = plans.get(path)?.shift() ?? 200;
      got.push({ path, headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return {
    url,
    got,
    at: (path: string) => got.filter((r) => r.path === path),
    plan: (path: string, statuses: number[]) => plans.set(path, [...statuses]),
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}

/** What a receiver does (docs/runbooks/webhooks.md): HMAC of `t.body` with the secret, timestamp within 5 minutes. */
function verifies(secret: string, header: string | undefined, body: string): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || Math.abs(Date.now() / 1000 - parsed.t) > 300) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(signedPayload(parsed.t, body)).digest('hex'));
  return parsed.v1.some((v) => timingSafeEqual(Buffer.from(v), expected));
}

async function until(ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe.each(backends)('webhooks on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let orgId: string;
  let otherOrgId: string;
  const runners: JobRunner[] = [];
  const extraDbs: Database[] = [];

  beforeAll(async () => {
    // No runner in the server: each test starts its own (short retry delays), or none (a crash before the send).
    server = await startTestServer(backend, { jobRunner: false, webhooksAllowPrivate: true });
    receiver = await startReceiver();
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    const orgs = await server.deps.db.sql<{ id: string; slug: string }[]>`select id, slug from auth_organization where slug in ('grand-plateau', 'nuits-blanches')`;
    orgId = orgs.find((o) => o.slug === 'grand-plateau')!.id;
    otherOrgId = orgs.find((o) => o.slug === 'nuits-blanches')!.id;
    expect((await admin.post('/api/auth/organization/set-active', { organizationId: orgId })).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    for (const d of extraDbs) await d.close();
    await receiver?.close();
    await server?.close();
  });

  function startRunner(db: Database = server.deps.db, id?: string): JobRunner {
    const runner = new JobRunner(db.sql, { pollMs: 50, retryBaseMs: 50, maxRetryMs: 100, logger: silent, id });
    registerWebhookJobs(runner, { sql: db.sql, config: server.deps.config });
    runners.push(runner);
    return runner.start();
  }

  const addEndpoint = async (path: string, body: Record<string, unknown> = {}) =>
    json<{ endpoint: Endpoint; secret: string }>(await admin.post('/api/v1/webhooks', { url: receiver.url + path, events: ['mission.published'], ...body }), 201);
  const deliveries = async (endpointId: string) => (await json<{ deliveries: Delivery[] }>(await admin.get(`/api/v1/webhooks/${endpointId}/deliveries`), 200)).deliveries;
  const publish = (fields: Partial<SyncDoc> = {}) => create(admin, 'missions', [mission({ status: 'PUBLISHED', title: 'Montage du plateau', ...fields })]);

  it('refuses MANAGER and TECH (403) and no session (401) on every route; bad input is a 4xx with a stable code', async () => {
    const { endpoint } = await addEndpoint('/roles');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks', { url: `${receiver.url}/x`, events: ['mission.published'] }],
      ['PATCH', `/api/v1/webhooks/${endpoint.id}`, { active: false }],
      ['DELETE', `/api/v1/webhooks/${endpoint.id}`],
      ['GET', `/api/v1/webhooks/${endpoint.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${endpoint.id}/test`, {}],
      ['POST', `/api/v1/webhooks/${endpoint.id}/deliveries/${endpoint.id}/redeliver`, {}],
    ];
    for (const [method, path, body] of routes) {
      for (const client of [manager, tech]) expect((await json<Err>(await client.request(method, path, body), 403)).error.code).toBe('FORBIDDEN');
      expect((await new TestClient(server.url).request(method, path, body)).status).toBe(401);
    }
    const bad = await json<Err>(await admin.post('/api/v1/webhooks', { url: `${receiver.url}/x`, events: ['nope'] }), 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    const telegram = await json<Err>(await admin.post('/api/v1/webhooks', { url: `${receiver.url}/x`, events: ['mission.published'], format: 'telegram' }), 400);
    expect(telegram.error.code).toBe('WEBHOOK_TELEGRAM_CHAT_REQUIRED');
    expect((await json<Err>(await admin.get('/api/v1/webhooks/not-a-uuid/deliveries'), 404)).error.code).toBe('WEBHOOK_NOT_FOUND');
    // Cursors Date.parse reads but the database would not: a 400, never a 500.
    for (const at of ['2026', 'Tue, 01 Dec 2026', '+275760-09-13T00:00:00.000Z', '2026-99-99']) {
      const cursor = encodeURIComponent(`${at}_00000000-0000-4000-8000-000000000000`);
      expect((await admin.get(`/api/v1/webhooks/${endpoint.id}/deliveries?before=${cursor}`)).status, at).toBeLessThan(500);
    }
    // The list never shows a secret.
    const list = await json<{ endpoints: Record<string, unknown>[] }>(await admin.get('/api/v1/webhooks'), 200);
    expect(list.endpoints.some((e) => e.id === endpoint.id)).toBe(true);
    expect(JSON.stringify(list)).not.toContain('whsec_');
    expect((await admin.delete(`/api/v1/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await json<Err>(await admin.delete(`/api/v1/webhooks/${endpoint.id}`), 404)).error.code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('signed with the secret (another secret fails), timestamp present; 500 once then 200: one retry, one accepted delivery, SENT after 2 attempts', async () => {
    const { endpoint, secret } = await addEndpoint('/retry');
    receiver.plan('/retry', [500]);
    await publish({ title: 'Retry' });
    const runner = startRunner();
    await until(async () => (await deliveries(endpoint.id))[0]?.status === 'SENT');
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    const got = receiver.at('/retry');
    expect(got.map((r) => r.status)).toEqual([500, 200]);
    const [d] = await deliveries(endpoint.id);
    expect(d).toMatchObject({ status: 'SENT', attempts: 2, lastResponseCode: 200, eventType: 'mission.published' });
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-coulisses-event']).toBe('mission.published');
      expect(r.headers['idempotency-key']).toBe(d!.idempotencyKey);
      expect(String(r.headers['x-coulisses-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifies(secret, r.headers['x-coulisses-signature'] as string, r.body)).toBe(true);
      expect(verifies('whsec_another', r.headers['x-coulisses-signature'] as string, r.body)).toBe(false);
      expect(verifies(secret, r.headers['x-coulisses-signature'] as string, r.body.replace('Retry', 'Retri'))).toBe(false);
    }
    const body = JSON.parse(got[1]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ id: d!.eventId, type: 'mission.published', orgId, data: { entity: 'missions', title: 'Retry', status: 'PUBLISHED' } });
    expect(d!.idempotencyKey).toBe(`${d!.eventId}:${endpoint.id}`);
    const attempts = await server.deps.db.sql<{ attempt: number; response_code: number }[]>`select attempt, response_code from webhook_attempts where delivery_id = ${d!.id} order by id`;
    expect(attempts).toEqual([{ attempt: 1, response_code: 500 }, { attempt: 2, response_code: 200 }]);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('crash between commit and send: the write commits with no runner, a runner started later sends once', async () => {
    const { endpoint } = await addEndpoint('/crash');
    await publish({ title: 'Crash' });
    await new Promise((r) => setTimeout(r, 200));
    const [pending] = await deliveries(endpoint.id);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 0 });
    const jobs = await server.deps.db.sql`select 1 from jobs where kind = 'webhook.deliver' and key = ${pending!.id}`;
    expect(jobs.length).toBe(1);
    expect(receiver.at('/crash').length).toBe(0);
    const runner = startRunner();
    await until(async () => (await deliveries(endpoint.id))[0]?.status === 'SENT');
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    expect(receiver.at('/crash').length).toBe(1);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('two runners sharing the database send each of 12 deliveries once', async () => {
    const { endpoint } = await addEndpoint('/two');
    await create(admin, 'missions', Array.from({ length: 12 }, (_, i) => mission({ status: 'PUBLISHED', title: `Two ${i}` })));
    let second = server.deps.db;
    if (backend === 'postgres') {
      second = await openDatabase({ databaseUrl: server.deps.config.databaseUrl, dataDir: 'memory://', logger: silent });
      extraDbs.push(second);
    }
    const a = startRunner(server.deps.db, 'first');
    const b = startRunner(second, 'second');
    await until(async () => (await deliveries(endpoint.id)).filter((d) => d.status === 'SENT').length === 12);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([a.stop(), b.stop()]);
    const got = receiver.at('/two');
    expect(got.length).toBe(12);
    expect(new Set(got.map((r) => r.headers['idempotency-key'])).size).toBe(12);
    expect((await deliveries(endpoint.id)).every((d) => d.attempts === 1)).toBe(true);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('a refused or rolled-back write emits nothing; a draft emits nothing; an unsubscribed event is not sent', async () => {
    const { endpoint } = await addEndpoint('/refused', { events: ['mission.published', 'mission.cancelled'] });
    // Refused by the guard (ends before it starts), and refused to a TECH (no write right on missions).
    const refused = await push(admin, 'missions', [{ newDocumentState: mission({ status: 'PUBLISHED', startAt: '2026-12-01T10:00:00.000Z', endAt: '2026-12-01T09:00:00.000Z' }) }]);
    expect(refused.rejected.length).toBe(1);
    const byTech = await push(tech, 'missions', [{ newDocumentState: mission({ status: 'PUBLISHED' }) }]);
    expect(byTech.rejected.length).toBe(1);
    // Rolled back: a write whose transaction fails after the hooks ran.
    const draft = mission({ title: 'Rolled back' });
    await create(admin, 'missions', [draft]);
    await expect(
      server.deps.sync.transaction(orgId, async (tx) => {
        await tx.write('missions', { ...draft, status: 'PUBLISHED' }, { before: draft, accountId: null, viewer: null });
        await tx.flush();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // A KPI or timesheet event this endpoint does not subscribe to: nothing either.
    expect(await deliveries(endpoint.id)).toEqual([]);
    const jobs = await server.deps.db.sql`select 1 from jobs j join webhook_deliveries d on d.id::text = j.key where d.endpoint_id = ${endpoint.id}`;
    expect(jobs.length).toBe(0);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it("another organisation's endpoints never receive this organisation's events", async () => {
    const other = await insertEndpoint(server.deps.db.sql, otherOrgId, { url: `${receiver.url}/other-org`, events: ['mission.published'], format: 'json', telegramChatId: null, active: true }, 'whsec_other_org', null);
    const { endpoint } = await addEndpoint('/this-org');
    await publish({ title: 'Ici' });
    await create(regie, 'missions', [mission({ status: 'PUBLISHED', title: 'La-bas' })]);
    const runner = startRunner();
    await until(() => receiver.at('/this-org').length === 1 && receiver.at('/other-org').length === 1);
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    expect(receiver.at('/this-org').map((r) => (JSON.parse(r.body) as { data: { title: string } }).data.title)).toEqual(['Ici']);
    expect(receiver.at('/other-org').map((r) => (JSON.parse(r.body) as { orgId: string; data: { title: string } }))).toEqual([expect.objectContaining({ orgId: otherOrgId, data: expect.objectContaining({ title: 'La-bas' }) })]);
    // The other organisation's endpoint is not this admin's.
    expect((await json<Err>(await admin.get(`/api/v1/webhooks/${other.id}/deliveries`), 404)).error.code).toBe('WEBHOOK_NOT_FOUND');
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
    await server.deps.db.sql`update webhook_endpoints set disabled_at = now() where id = ${other.id}`;
  });

  it('Slack and Telegram bodies have their shape, in French; the test button sends a ping through the queue', async () => {
    const slack = (await addEndpoint('/slack', { format: 'slack', events: ['mission.cancelled'] })).endpoint;
    const telegram = (await addEndpoint('/telegram', { format: 'telegram', telegramChatId: '-1001234', events: ['mission.cancelled'] })).endpoint;
    const m = mission({ status: 'PUBLISHED', title: 'Annulee' });
    await create(admin, 'missions', [m]);
    const cancel = await push(admin, 'missions', [{ assumedMasterState: m, newDocumentState: { ...m, status: 'CANCELLED', updatedAt: new Date().toISOString() } }]);
    expect(cancel.written).toBe(1);
    const ping = await json<{ delivery: Delivery }>(await admin.post(`/api/v1/webhooks/${slack.id}/test`), 202);
    expect(ping.delivery).toMatchObject({ eventType: 'ping', status: 'PENDING' });
    const runner = startRunner();
    await until(() => receiver.at('/slack').length === 2 && receiver.at('/telegram').length === 1);
    await runner.stop();
    const [cancelled, pinged] = receiver.at('/slack').map((r) => JSON.parse(r.body) as { text: string; blocks: { type: string }[] });
    expect(Object.keys(cancelled!).sort()).toEqual(['blocks', 'text']);
    expect(cancelled!.text).toMatch(/^Mission annul.e : Annulee \(/);
    expect(cancelled!.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(pinged!.text).toContain('Compagnie du Grand Plateau');
    expect(receiver.at('/slack')[1]!.headers['x-coulisses-event']).toBe('ping');
    const tg = JSON.parse(receiver.at('/telegram')[0]!.body) as Record<string, unknown>;
    expect(Object.keys(tg).sort()).toEqual(['chat_id', 'parse_mode', 'text']);
    expect(tg).toMatchObject({ chat_id: '-1001234', parse_mode: 'HTML' });
    expect(String(tg.text)).toContain('Annulee');
    for (const e of [slack, telegram]) await admin.delete(`/api/v1/webhooks/${e.id}`);
  });

  it('4xx is final (FAILED after one attempt); a FAILED delivery can be sent again (same Idempotency-Key), a SENT one cannot', async () => {
    const { endpoint } = await addEndpoint('/gone');
    receiver.plan('/gone', [410]);
    await publish({ title: 'Gone' });
    const runner = startRunner();
    await until(async () => (await deliveries(endpoint.id))[0]?.status === 'FAILED');
    await new Promise((r) => setTimeout(r, 300));
    const [failed] = await deliveries(endpoint.id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, lastResponseCode: 410 });
    expect(receiver.at('/gone').length).toBe(1);
    // A delivery that is not FAILED or DEAD cannot be sent again.
    const sentOne = (await json<{ delivery: Delivery }>(await admin.post(`/api/v1/webhooks/${endpoint.id}/test`), 202)).delivery;
    await until(async () => (await deliveries(endpoint.id)).find((d) => d.id === sentOne.id)?.status === 'SENT');
    expect((await json<Err>(await admin.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${sentOne.id}/redeliver`), 409)).error.code).toBe('WEBHOOK_NOT_REDELIVERABLE');
    const again = await json<{ delivery: Delivery }>(await admin.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${failed!.id}/redeliver`), 202);
    expect(again.delivery.status).toBe('PENDING');
    await until(async () => (await deliveries(endpoint.id)).find((d) => d.id === failed!.id)?.status === 'SENT');
    expect((await deliveries(endpoint.id)).find((d) => d.id === failed!.id)).toMatchObject({ attempts: 2, lastResponseCode: 200 });
    await runner.stop();
    const gone = receiver.at('/gone');
    expect(gone.length).toBe(3);
    expect(gone[2]!.headers['idempotency-key']).toBe(gone[0]!.headers['idempotency-key']);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('a receiver that keeps failing (503) makes the delivery DEAD after the last attempt, each attempt logged', async () => {
    const { endpoint } = await addEndpoint('/dead');
    receiver.plan('/dead', Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 503));
    await publish({ title: 'Dead' });
    const runner = startRunner();
    await until(async () => (await deliveries(endpoint.id))[0]?.status === 'DEAD');
    await runner.stop();
    const [d] = await deliveries(endpoint.id);
    expect(d).toMatchObject({ status: 'DEAD', attempts: WEBHOOK_MAX_ATTEMPTS, lastResponseCode: 503 });
    expect(receiver.at('/dead').length).toBe(WEBHOOK_MAX_ATTEMPTS);
    const [logged] = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from webhook_attempts where delivery_id = ${d!.id}`;
    expect(logged!.n).toBe(WEBHOOK_MAX_ATTEMPTS);
    // Done with: no job left behind (the delivery row is the record).
    expect((await server.deps.db.sql`select 1 from jobs where kind = 'webhook.deliver' and key = ${d!.id}`).length).toBe(0);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('every event kind comes from the real writes: assignment answered, timesheet validated, punch flagged, KPI turned red, mission changed', async () => {
    const { endpoint } = await addEndpoint('/all', { events: ['mission.changed', 'assignment.answered', 'timesheet.validated', 'punch.flagged', 'kpi.red'] });
    const p = person({ firstName: 'Nina' });
    await create(admin, 'users', [p]);
    const m = mission({ status: 'PUBLISHED', title: 'Tout' });
    await create(admin, 'missions', [m]);
    const moved = { ...m, startAt: '2026-12-01T09:00:00.000Z', updatedAt: new Date().toISOString() };
    expect((await push(admin, 'missions', [{ assumedMasterState: m, newDocumentState: moved }])).written).toBe(1);
    const a = assignment(m.id, p.id);
    await create(admin, 'assignments', [a]);
    const answered = { ...a, status: 'ACCEPTED', statusChangedAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    // The server adds missionStartAt to a stored assignment: the answer assumes the stored state.
    const [storedAssignment] = await server.deps.db.sql<{ doc: SyncDoc }[]>`select doc from assignments where org_id = ${orgId} and id = ${a.id}`;
    expect((await push(admin, 'assignments', [{ assumedMasterState: storedAssignment!.doc, newDocumentState: { ...storedAssignment!.doc, ...answered } }])).written).toBe(1);
    await create(admin, 'timesheets', [{
      id: uuidv7(), updatedAt: new Date().toISOString(), userId: p.id, missionId: null, date: '2026-11-30', type: 'MONTAGE', startAt: '2026-11-30T08:00:00.000Z',
      endAt: '2026-11-30T12:00:00.000Z', breakMinutes: 0, status: 'VALIDATED', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0,
      roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false,
    } as SyncDoc]);
    const future = new TestDevice().punch(p.id, 'IN', { at: new Date(Date.now() + 3_600_000).toISOString() });
    const punched = await admin.post('/api/v1/sync/field_events/push?details=1', [{ newDocumentState: future }], { 'x-device-time': new Date().toISOString() });
    expect(((await punched.json()) as { rejected: unknown[] }).rejected).toEqual([]);
    const kpi = kpiDef();
    await create(admin, 'reference', [kpi]);
    await create(admin, 'kpi_values', [kpiValue(kpi.id, '2026-11-30', 10)]);
    await until(async () => (await deliveries(endpoint.id)).length >= 5);
    const types = (await deliveries(endpoint.id)).map((d) => d.eventType).sort();
    expect(types).toEqual(['assignment.answered', 'kpi.red', 'mission.changed', 'punch.flagged', 'timesheet.validated']);
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });

  it('SSRF: link-local and private addresses are refused when WEBHOOKS_ALLOW_PRIVATE is off, at save and at send', async () => {
    // Saved while allowed, then the flag goes off: the send is refused (FAILED, one attempt, nothing sent).
    const { endpoint } = await json<{ endpoint: Endpoint }>(await admin.post('/api/v1/webhooks', { url: 'http://10.0.0.1/hook', events: ['mission.published'] }), 201);
    server.deps.config.webhooksAllowPrivate = false;
    try {
      for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/hook', 'http://127.0.0.1:9/x', 'http://[::1]/x', 'http://[::ffff:10.0.0.1]/x']) {
        const res = await json<Err>(await admin.post('/api/v1/webhooks', { url, events: ['mission.published'] }), 400);
        expect({ url, code: res.error.code }).toEqual({ url, code: 'WEBHOOK_URL_REFUSED' });
      }
      await json(await admin.post(`/api/v1/webhooks/${endpoint.id}/test`), 202);
      const runner = startRunner();
      await until(async () => (await deliveries(endpoint.id))[0]?.status === 'FAILED');
      await runner.stop();
      const [d] = await deliveries(endpoint.id);
      expect(d).toMatchObject({ status: 'FAILED', attempts: 1, lastResponseCode: null });
      expect(d!.lastError).toContain('private address');
    } finally {
      server.deps.config.webhooksAllowPrivate = true;
    }
    await admin.delete(`/api/v1/webhooks/${endpoint.id}`);
  });
});
