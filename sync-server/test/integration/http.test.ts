import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();

describe.each(backends)('HTTP surface on %s', (backend) => {
  let server: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    client = new TestClient(server.url);
  });
  afterAll(async () => server?.close());

  it('answers /healthz and /readyz in JSON', async () => {
    const health = await client.get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { migrations: { current: number; head: number }; database: string };
    expect(body.migrations.current).toBe(body.migrations.head);
    expect(body.database).toBe(backend);
  });

  it('exposes Prometheus metrics with the request histogram by route and status', async () => {
    await client.get('/healthz');
    const res = await client.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/healthz"[^}]*status_code="200"/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('returns a given X-Request-Id and makes one otherwise', async () => {
    const given = await client.get('/healthz', { 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await client.get('/healthz', { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with 404 in the one error shape', async () => {
    const res = await client.get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
  });

  it('gives the message in French by default and in English on Accept-Language: en', async () => {
    const fr = (await (await client.get('/api/v1/me')).json()) as { error: { code: string; message: string } };
    expect(fr.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Vous devez vous connecter.' });
    const en = new TestClient(server.url, 'en-GB,en;q=0.9');
    const body = (await (await en.get('/api/v1/me')).json()) as { error: { message: string } };
    expect(body.error.message).toBe('You need to sign in.');
  });

  it('answers malformed JSON with 400 and zod errors with field paths', async () => {
    const admin = new TestClient(server.url);
    expect((await admin.signIn('admin@coulisses.demo')).status).toBe(200);
    const malformed = await admin.request('POST', '/api/v1/org/invitations', '{"email":', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const invalid = await admin.post('/api/v1/org/invitations', { email: 'not-an-email', role: 'BOSS' });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['email', 'role']);
  });

  it('serves the PWA shell, the service worker and client-side routes', async () => {
    const index = await client.get('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('rel="manifest"');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await client.get('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await client.get('/assets/app-1234.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await client.get('/planning');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await client.get('/missing.png')).status).toBe(404);
    expect((await client.get('/../package.json')).status).toBe(404);
  });
  it('refuses a body over the limit with 413 (last: the server drops the connection)', async () => {
    const big = JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) });
    const res = await new TestClient(server.url).post('/api/auth/sign-in/email', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

});
