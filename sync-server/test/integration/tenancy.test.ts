import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();

interface Me {
  activeOrg: { id: string; slug: string } | null;
  orgs: { id: string; slug: string }[];
}

describe.each(backends)('roles and organisation isolation on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    const me = (await (await admin.get('/api/v1/me')).json()) as Me;
    orgA = me.orgs.find((o) => o.slug === 'grand-plateau')?.id ?? '';
    orgB = me.orgs.find((o) => o.slug === 'nuits-blanches')?.id ?? '';
    await admin.put('/api/v1/me/active-org', { orgId: orgA });
  });
  afterAll(async () => server?.close());

  it.each([
    ['GET', '/api/v1/org/invitations'],
    ['POST', '/api/v1/org/invitations'],
    ['PATCH', '/api/v1/org'],
    ['GET', '/api/v1/org/members'],
  ])('a TECH gets 403 FORBIDDEN on %s %s', async (method, path) => {
    const res = await tech.request(method, path, method === 'GET' ? undefined : { email: 'x@example.org', role: 'TECH' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('a MANAGER reads members but may not invite or change roles', async () => {
    expect((await manager.get('/api/v1/org/members')).status).toBe(200);
    expect((await manager.post('/api/v1/org/invitations', { email: 'y@example.org', role: 'TECH' })).status).toBe(403);
    const members = (await (await manager.get('/api/v1/org/members')).json()) as { members: { id: string; role: string }[] };
    const someone = members.members.find((m) => m.role === 'TECH');
    expect((await manager.patch(`/api/v1/org/members/${someone?.id}`, { role: 'ADMIN' })).status).toBe(403);
  });

  it('a TECH cannot use better-auth organisation endpoints to invite either', async () => {
    const res = await tech.post('/api/auth/organization/invite-member', { email: 'z@example.org', role: 'ADMIN', organizationId: orgA });
    expect(res.status).toBe(403);
  });

  it('an account of organisation A only never reaches organisation B', async () => {
    const bMembers = (await (await regie.get('/api/v1/org/members')).json()) as { members: { id: string; email: string }[] };
    expect(bMembers.members.every((m) => m.email !== 'manager@coulisses.demo')).toBe(true);
    const bMember = bMembers.members[0];
    expect(bMember).toBeDefined();

    // Through our routes: switching, reading and changing B's data are all refused.
    expect((await manager.put('/api/v1/me/active-org', { orgId: orgB })).status).toBe(404);
    const aMembers = (await (await manager.get('/api/v1/org/members')).json()) as { members: { email: string }[] };
    expect(aMembers.members.some((m) => m.email === 'regie@nuits-blanches.demo')).toBe(false);
    expect((await admin.patch(`/api/v1/org/members/${bMember?.id}`, { role: 'TECH' })).status).toBe(404);

    // Through better-auth's own organisation endpoints.
    const full = await manager.get(`/api/auth/organization/get-full-organization?organizationId=${orgB}`);
    expect([403, 404]).toContain(full.status);
    const setActive = await manager.post('/api/auth/organization/set-active', { organizationId: orgB });
    expect([400, 403, 404]).toContain(setActive.status);
    const list = await manager.get(`/api/auth/organization/list-members?organizationId=${orgB}`);
    expect([400, 403, 404]).toContain(list.status);
    // A refused call changes nothing: the session's active organisation stays A (docs/security.md), never B.
    expect(((await (await manager.get('/api/v1/me')).json()) as Me).activeOrg?.id).toBe(orgA);
    expect((await manager.get('/api/v1/org/members')).status).toBe(200);
    expect((await manager.put('/api/v1/me/active-org', { orgId: orgA })).status).toBe(200);
  });

  it("an ADMIN of A cannot revoke B's invitations from A's context", async () => {
    const created = await admin.put('/api/v1/me/active-org', { orgId: orgB });
    expect(created.status).toBe(200);
    const inv = (await (await admin.post('/api/v1/org/invitations', { email: 'guest-b@example.org', role: 'TECH' })).json()) as { invitation: { id: string } };
    await admin.put('/api/v1/me/active-org', { orgId: orgA });
    expect((await admin.delete(`/api/v1/org/invitations/${inv.invitation.id}`)).status).toBe(404);
    const listed = (await (await admin.get('/api/v1/org/invitations')).json()) as { invitations: { id: string }[] };
    expect(listed.invitations.some((i) => i.id === inv.invitation.id)).toBe(false);
  });

  it('keeps the last ADMIN: demoting them is refused with 409 LAST_ADMIN', async () => {
    const members = (await (await admin.get('/api/v1/org/members')).json()) as { members: { id: string; email: string }[] };
    const self = members.members.find((m) => m.email === 'admin@coulisses.demo');
    const res = await admin.patch(`/api/v1/org/members/${self?.id}`, { role: 'MANAGER' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('LAST_ADMIN');
  });

  it('lets an ADMIN change a role, recorded in the audit log', async () => {
    const members = (await (await admin.get('/api/v1/org/members')).json()) as { members: { id: string; email: string }[] };
    const target = members.members.find((m) => m.email === 'manager@coulisses.demo');
    const res = await admin.patch(`/api/v1/org/members/${target?.id}`, { role: 'TECH' });
    expect(res.status).toBe(200);
    expect((await manager.get('/api/v1/org/members')).status).toBe(403);
    await admin.patch(`/api/v1/org/members/${target?.id}`, { role: 'MANAGER' });
    const rows = await server.deps.db.sql`select action from audit_log where entity_id = ${target?.id ?? ''} order by id`;
    expect(rows.map((r) => r.action)).toEqual(['member.role_changed', 'member.role_changed']);
  });

  it('validates organisation settings: an unknown time zone is a 400', async () => {
    const bad = await admin.patch('/api/v1/org', { timezone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    const good = await admin.patch('/api/v1/org', { timezone: 'America/Montreal' });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { org: { timezone: string } }).org.timezone).toBe('America/Montreal');
    await admin.patch('/api/v1/org', { timezone: 'Europe/Paris' });
  });
});
