import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();

interface Created {
  invitation: { id: string; email: string; role: string; status: string };
  link: string;
}

describe.each(backends)('invitation of an account by link on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
  });
  afterAll(async () => server?.close());

  it('invites, shows the link page without a session, and the invitee signs up and accepts once', async () => {
    const email = `crew-${backend}@example.org`;
    const res = await admin.post('/api/v1/org/invitations', { email: email.toUpperCase(), role: 'TECH' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created.invitation).toMatchObject({ email, role: 'TECH', status: 'pending' });
    expect(created.link).toMatch(new RegExp(`/invite/${created.invitation.id}$`));

    const anonymous = new TestClient(server.url);
    const page = await anonymous.get(`/api/v1/invitations/${created.invitation.id}`);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ invitation: { orgName: 'Compagnie du Grand Plateau', role: 'TECH', expired: false } });
    expect((await anonymous.post(`/api/v1/invitations/${created.invitation.id}/accept`)).status).toBe(401);

    const invitee = new TestClient(server.url);
    expect((await invitee.post('/api/auth/sign-up/email', { email, password: 'crew-password', name: 'Crew Member' })).status).toBe(200);
    const first = await invitee.post(`/api/v1/invitations/${created.invitation.id}/accept`);
    expect(first.status).toBe(200);
    const me = (await first.json()) as { role: string; activeOrg: { slug: string } };
    expect(me).toMatchObject({ role: 'TECH', activeOrg: { slug: 'grand-plateau' } });
    const again = await invitee.post(`/api/v1/invitations/${created.invitation.id}/accept`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(me);

    const rows = await server.deps.db.sql`select action from audit_log where entity_id = ${created.invitation.id} order by id`;
    expect(rows.map((r) => r.action)).toEqual(['invitation.created', 'invitation.accepted']);
  });

  it('refuses another account, a revoked invitation and an unknown id', async () => {
    const created = (await (await admin.post('/api/v1/org/invitations', { email: `someone-${backend}@example.org`, role: 'MANAGER' })).json()) as Created;
    const tech = await signedIn(server.url, 'tech@coulisses.demo');
    const wrong = await tech.post(`/api/v1/invitations/${created.invitation.id}/accept`);
    expect(wrong.status).toBe(403);

    expect((await admin.delete(`/api/v1/org/invitations/${created.invitation.id}`)).status).toBe(204);
    const invitee = new TestClient(server.url);
    await invitee.post('/api/auth/sign-up/email', { email: `someone-${backend}@example.org`, password: 'crew-password', name: 'Someone' });
    const revoked = await invitee.post(`/api/v1/invitations/${created.invitation.id}/accept`);
    expect(revoked.status).toBe(409);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('INVITATION_NOT_PENDING');

    expect((await new TestClient(server.url).get('/api/v1/invitations/does-not-exist')).status).toBe(404);
  });

  it('refuses an expired invitation with 410', async () => {
    const created = (await (await admin.post('/api/v1/org/invitations', { email: `late-${backend}@example.org`, role: 'TECH' })).json()) as Created;
    await server.deps.db.sql`update auth_invitation set "expiresAt" = now() - interval '1 minute' where id = ${created.invitation.id}`;
    const invitee = new TestClient(server.url);
    await invitee.post('/api/auth/sign-up/email', { email: `late-${backend}@example.org`, password: 'crew-password', name: 'Late' });
    const page = (await (await invitee.get(`/api/v1/invitations/${created.invitation.id}`)).json()) as { invitation: { expired: boolean } };
    expect(page.invitation.expired).toBe(true);
    const res = await invitee.post(`/api/v1/invitations/${created.invitation.id}/accept`);
    expect(res.status).toBe(410);
  });
});
