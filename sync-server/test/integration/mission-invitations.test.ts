import type { SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { assignment, mission, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();

describe.each(backends)('mission invitation links on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  const anonymous = () => new TestClient(server.url);
  const tokenOf = (link: string) => link.split('/m/')[1]!;

  async function invited(): Promise<{ asg: SyncDoc; link: string }> {
    const who = person({ firstName: 'Ines' });
    const m = mission({ status: 'PUBLISHED', title: 'Concert' });
    const asg = assignment(m.id, who.id);
    await create(manager, 'users', [who]);
    await create(manager, 'missions', [m]);
    await create(manager, 'assignments', [asg]);
    const res = await manager.get(`/api/v1/assignments/${asg.id}/invitation`);
    expect(res.status).toBe(200);
    return { asg, link: ((await res.json()) as { link: string }).link };
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
  });
  afterAll(async () => server?.close());

  it('shows the mission without a session; accepting twice gives the same answer; the planning sees ACCEPTED; audited', async () => {
    const { asg, link } = await invited();
    expect(link).toMatch(/\/m\/[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    const page = await anonymous().get(`/api/v1/public/mission-invitations/${tokenOf(link)}`);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ assignment: { status: 'INVITED' }, mission: { title: 'Concert' }, org: { name: 'Compagnie du Grand Plateau', timezone: 'Europe/Paris' } });
    const first = await anonymous().post(`/api/v1/public/mission-invitations/${tokenOf(link)}/accept`);
    expect(first.status).toBe(200);
    const again = await anonymous().post(`/api/v1/public/mission-invitations/${tokenOf(link)}/accept`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect((await serverDocs(manager, 'assignments')).get(asg.id)).toMatchObject({ status: 'ACCEPTED', statusChangedBy: 'CREW' });
    const audit = await server.deps.db.sql`select action from audit_log where entity_id = ${asg.id} order by id`;
    expect(audit.map((r) => r.action)).toEqual(['assignments.created', 'mission_invitation.issued', 'assignments.changed', 'mission_invitation.accepted', 'mission_invitation.accepted']);
    // The same link is returned to the manager while it is valid.
    expect(((await (await manager.get(`/api/v1/assignments/${asg.id}/invitation`)).json()) as { link: string }).link).toBe(link);
  });

  it('declines with a reason, and may accept after all', async () => {
    const { asg, link } = await invited();
    const declined = await anonymous().post(`/api/v1/public/mission-invitations/${tokenOf(link)}/decline`, { reason: 'Deja pris ce soir-la' });
    expect(declined.status).toBe(200);
    expect((await serverDocs(manager, 'assignments')).get(asg.id)).toMatchObject({ status: 'DECLINED', declineReason: 'Deja pris ce soir-la' });
    expect((await anonymous().post(`/api/v1/public/mission-invitations/${tokenOf(link)}/accept`)).status).toBe(200);
    const after = (await serverDocs(manager, 'assignments')).get(asg.id)!;
    expect(after.status).toBe('ACCEPTED');
    expect(after.declineReason).toBeUndefined();
  });

  it('refuses a forged, a revoked, an expired and a reused-after-cancellation link', async () => {
    const { asg, link } = await invited();
    const token = tokenOf(link);
    const [id, exp] = token.split('.');
    const forgedSig = `${id}.${exp}.${'A'.repeat(43)}`;
    const forgedExp = `${id}.${Number(exp) + 86400}.${token.split('.')[2]}`;
    for (const bad of [forgedSig, forgedExp, 'garbage', `${id}`]) {
      const res = await anonymous().get(`/api/v1/public/mission-invitations/${encodeURIComponent(bad)}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_TOKEN');
    }
    expect((await manager.delete(`/api/v1/assignments/${asg.id}/invitation`)).status).toBe(204);
    const revoked = await anonymous().post(`/api/v1/public/mission-invitations/${token}/accept`);
    expect(revoked.status).toBe(410);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('INVITATION_REVOKED');
    expect((await serverDocs(manager, 'assignments')).get(asg.id)?.status).toBe('INVITED');

    const reissued = ((await (await manager.post(`/api/v1/assignments/${asg.id}/invitation`)).json()) as { link: string }).link;
    expect(reissued).not.toBe(link);
    await server.deps.db.sql`update mission_invitations set expires_at = now() - interval '1 minute' where assignment_id = ${asg.id} and revoked_at is null`;
    // The signature covers the expiry, so the old token no longer matches the row either way: both are refused.
    const expired = await anonymous().get(`/api/v1/public/mission-invitations/${tokenOf(reissued)}`);
    expect([404, 410]).toContain(expired.status);

    const fresh = await invited();
    const { push } = await import('../helpers/sync-http');
    await push(manager, 'assignments', [{ assumedMasterState: fresh.asg, newDocumentState: { ...fresh.asg, status: 'CANCELLED', statusChangedAt: new Date().toISOString() } }]);
    const cancelled = await anonymous().post(`/api/v1/public/mission-invitations/${tokenOf(fresh.link)}/accept`);
    expect(cancelled.status).toBe(409);
    expect(((await cancelled.json()) as { error: { code: string } }).error.code).toBe('ASSIGNMENT_CANCELLED');
  });

  it('an expired link gives 410 INVITATION_EXPIRED', async () => {
    const { asg } = await invited();
    await server.deps.db.sql`delete from mission_invitations where assignment_id = ${asg.id}`;
    const { signToken } = await import('../../src/planning/token');
    const past = new Date(Date.now() - 60_000);
    await server.deps.db.sql`insert into mission_invitations (id, org_id, assignment_id, expires_at) select 'expiredtokenid0001', org_id, id, ${past} from assignments where id = ${asg.id}`;
    const token = signToken(server.deps.secret, 'expiredtokenid0001', past);
    const res = await anonymous().get(`/api/v1/public/mission-invitations/${token}`);
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVITATION_EXPIRED');
  });

  it('only planners manage links; a TECH and another organisation get 403 or 404', async () => {
    const { asg } = await invited();
    const tech = await signedIn(server.url, 'tech@coulisses.demo');
    expect((await tech.get(`/api/v1/assignments/${asg.id}/invitation`)).status).toBe(403);
    const other = await signedIn(server.url, 'regie@nuits-blanches.demo');
    expect((await other.get(`/api/v1/assignments/${asg.id}/invitation`)).status).toBe(404);
  });
});
