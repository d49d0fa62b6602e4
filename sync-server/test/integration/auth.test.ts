import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();

interface Me {
  account: { email: string };
  activeOrg: { id: string; slug: string; timezone: string } | null;
  role: string | null;
  orgs: { id: string; slug: string; role: string }[];
}

describe.each(backends)('accounts and sessions on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server?.close());

  it('signs in with email and password into an httpOnly, SameSite session cookie', async () => {
    const client = new TestClient(server.url);
    const res = await client.signIn('admin@coulisses.demo');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = (await (await client.get('/api/v1/me')).json()) as Me;
    expect(me.account.email).toBe('admin@coulisses.demo');
    expect(me.role).toBe('ADMIN');
    expect(me.activeOrg?.timezone).toBe('Europe/Paris');
    expect(me.orgs.map((o) => o.slug).sort()).toEqual(['grand-plateau', 'nuits-blanches']);
  });

  it('answers a wrong password with 401 INVALID_CREDENTIALS, not a 500', async () => {
    const client = new TestClient(server.url);
    const res = await client.signIn('admin@coulisses.demo', 'wrong-password');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await client.signIn('nobody@coulisses.demo', 'whatever-123');
    expect(unknown.status).toBe(401);
    expect(client.hasSession()).toBe(false);
  });

  it('signs up a new account with no organisation, which may create its own and becomes its ADMIN', async () => {
    const client = new TestClient(server.url);
    const res = await client.post('/api/auth/sign-up/email', { email: `new-${backend}@example.org`, password: 'a-long-password', name: 'New Person' });
    expect(res.status).toBe(200);
    let me = (await (await client.get('/api/v1/me')).json()) as Me;
    expect(me.orgs).toEqual([]);
    expect(me.role).toBeNull();
    expect((await client.get('/api/v1/org/members')).status).toBe(403);
    const created = await client.post('/api/auth/organization/create', { name: 'Theatre Neuf', slug: `theatre-neuf-${backend}` });
    expect(created.status).toBe(200);
    me = (await (await client.get('/api/v1/me')).json()) as Me;
    expect(me.role).toBe('ADMIN');
    expect(me.activeOrg?.timezone).toBe('Europe/Paris');
  });

  it('refuses a duplicate sign-up and a short password with stable codes', async () => {
    const client = new TestClient(server.url);
    const dup = await client.post('/api/auth/sign-up/email', { email: 'tech@coulisses.demo', password: 'a-long-password', name: 'Dup' });
    expect(dup.status).toBeGreaterThanOrEqual(400);
    expect(dup.status).toBeLessThan(500);
    expect(((await dup.json()) as { error: { code: string } }).error.code).toMatch(/USER_ALREADY_EXISTS/);
    const short = await client.post('/api/auth/sign-up/email', { email: 'short@example.org', password: 'short', name: 'S' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { code: string } }).error.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('switches the active organisation of an account in several, and never into one it is not in', async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const me = (await (await admin.get('/api/v1/me')).json()) as Me;
    const other = me.orgs.find((o) => o.id !== me.activeOrg?.id);
    expect(other).toBeDefined();
    const switched = await admin.put('/api/v1/me/active-org', { orgId: other?.id });
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as Me).activeOrg?.id).toBe(other?.id);
    expect(((await (await admin.get('/api/v1/me')).json()) as Me).activeOrg?.id).toBe(other?.id);

    const tech = await signedIn(server.url, 'tech@coulisses.demo');
    const refused = await tech.put('/api/v1/me/active-org', { orgId: other?.id });
    expect(refused.status).toBe(404);
    expect(((await (await tech.get('/api/v1/me')).json()) as Me).activeOrg?.slug).toBe('grand-plateau');
  });

  it('signs out: the session no longer works', async () => {
    const client = await signedIn(server.url, 'manager@coulisses.demo');
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });
});
