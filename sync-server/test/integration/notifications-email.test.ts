import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { JobRunner } from '../../src/jobs/runner';
import { createMailer } from '../../src/notifications/mailer';
import { registerOutboxJobs } from '../../src/notifications/send-job';

const backends = await availableBackends();
const silent = pino({ level: 'silent' });

interface OutboxBody {
  smtp: boolean;
  messages: { id: string; kind: string; recipient: string; subject: string; text: string; status: string; attempts: number; lastError: string | null }[];
}

/** The first link of a text body that contains `part`. */
function linkIn(text: string, part: string): string {
  const found = text.match(/https?:\/\/[^\s<>"]+/g)?.find((u) => u.includes(part));
  if (!found) throw new Error(`No link with ${part} in:\n${text}`);
  return found;
}

/** The outbox row of the message to `email` once it is no longer PENDING (the send commits after the SMTP answer). */
async function settled(server: TestServer, email: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await server.deps.db.sql<{ status: string; attempts: number; last_error: string | null }[]>`
      select status, attempts, last_error from outbox_messages where recipient = ${email} order by created_at desc limit 1`;
    if ((row && row.status !== 'PENDING') || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function signUp(url: string, email: string, password = 'first-password', locale = 'fr'): Promise<TestClient> {
  const client = new TestClient(url, locale);
  const res = await client.post('/api/auth/sign-up/email', { email, password, name: 'Lea Martin' });
  expect(res.status).toBe(200);
  return client;
}

describe.each(backends)('email through the outbox and a real SMTP server on %s', (backend) => {
  let server: TestServer;
  let sink: SmtpSink;
  let admin: TestClient;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(backend, { smtpUrl: sink.url, jobRunner: true, jobRetryBaseMs: 40 });
    admin = await signedIn(server.url, 'admin@coulisses.demo');
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('sends an organisation invitation in French, as text and HTML, with the accept link', async () => {
    const email = `invitee-${backend}@example.org`;
    const res = await admin.post('/api/v1/org/invitations', { email, role: 'TECH' });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    const mail = await sink.waitFor(email);
    expect(mail.parsed.subject).toMatch(/vous invite \u00e0 rejoindre/);
    expect(mail.parsed.text).toContain(link);
    expect(mail.parsed.html).toContain(link);
    expect(mail.parsed.messageId).toMatch(/^<[0-9a-f]{32}@/);
    // No account yet: no preferences, so no unsubscribe link.
    expect(mail.raw).not.toMatch(/^List-Unsubscribe:/m);
    expect(await settled(server, email)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('resets a forgotten password: same answer for an unknown address, link by email, new password works, old sessions end', async () => {
    const email = `forgetful-${backend}@example.org`;
    const device = await signUp(server.url, email);
    expect((await device.get('/api/v1/me')).status).toBe(200);
    const anonymous = new TestClient(server.url);
    const known = await anonymous.post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    const unknown = await anonymous.post('/api/auth/request-password-reset', { email: `nobody-${backend}@example.org`, redirectTo: '/reset-password' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());

    const mail = await sink.waitFor(email, (m) => /mot de passe/.test(m.parsed.subject ?? ''));
    const link = linkIn(mail.parsed.text ?? '', '/reset-password');
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    const location = new URL(opened.headers.get('location')!, server.url);
    expect(location.pathname).toBe('/reset-password');
    const token = location.searchParams.get('token')!;
    expect(token).toBeTruthy();

    expect((await anonymous.post('/api/auth/reset-password', { newPassword: 'short', token })).status).toBe(400);
    expect((await anonymous.post('/api/auth/reset-password', { newPassword: 'second-password', token })).status).toBe(200);
    // Used once.
    expect((await anonymous.post('/api/auth/reset-password', { newPassword: 'third-password', token })).status).toBe(400);
    expect((await new TestClient(server.url).signIn(email, 'first-password')).status).toBe(401);
    expect((await new TestClient(server.url).signIn(email, 'second-password')).status).toBe(200);
    expect((await device.get('/api/v1/me')).status).toBe(401);
    expect(await sink.messages.filter((m) => m.to.includes(`nobody-${backend}@example.org`))).toEqual([]);
  });

  it('writes to an English account in English', async () => {
    const email = `english-${backend}@example.org`;
    const client = await signUp(server.url, email, 'first-password', 'en');
    expect((await client.put('/api/v1/me/notifications', { locale: 'en' })).status).toBe(200);
    await new TestClient(server.url).post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    const mail = await sink.waitFor(email, (m) => /password/i.test(m.parsed.subject ?? ''));
    expect(mail.parsed.subject).toBe('Reset your Coulisses Crew password');
  });

  it('verifies the address of a new account by email', async () => {
    const email = `newcomer-${backend}@example.org`;
    await signUp(server.url, email);
    const mail = await sink.waitFor(email, (m) => /adresse/.test(m.parsed.subject ?? ''));
    const link = linkIn(mail.parsed.text ?? '', '/verify-email');
    const res = await fetch(link, { redirect: 'manual' });
    expect([200, 302]).toContain(res.status);
    const [row] = await server.deps.db.sql<{ emailVerified: boolean }[]>`select "emailVerified" from auth_user where email = ${email}`;
    expect(row?.emailVerified).toBe(true);
  });

  it('retries after temporary SMTP failures and delivers once', async () => {
    sink.failNext(2);
    const email = `busy-${backend}@example.org`;
    await admin.post('/api/v1/org/invitations', { email, role: 'TECH' });
    await sink.waitFor(email);
    expect(await settled(server, email)).toMatchObject({ status: 'SENT', attempts: 3, last_error: null });
    expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('shows a dead letter to the admins, who send it again', async () => {
    sink.failNext(1000);
    const email = `dead-${backend}@example.org`;
    await admin.post('/api/v1/org/invitations', { email, role: 'TECH' });
    const deadline = Date.now() + 30_000;
    let dead: OutboxBody['messages'][number] | undefined;
    while (!dead && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      const list = (await (await admin.get('/api/v1/notifications/outbox?status=DEAD')).json()) as OutboxBody;
      dead = list.messages.find((m) => m.recipient === email);
    }
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 8 });
    expect(dead!.lastError).toMatch(/451|Try again/);
    sink.failNext(0);
    expect((await admin.post(`/api/v1/notifications/outbox/${dead!.id}/resend`)).status).toBe(200);
    expect((await admin.post(`/api/v1/notifications/outbox/${dead!.id}/resend`)).status).toBe(409);
    await sink.waitFor(email);
    const tech = await signedIn(server.url, 'tech@coulisses.demo');
    expect((await tech.get('/api/v1/notifications/outbox')).status).toBe(403);
    expect((await tech.post(`/api/v1/notifications/outbox/${dead!.id}/resend`)).status).toBe(403);
    expect((await admin.post('/api/v1/notifications/outbox/not-a-uuid/resend')).status).toBe(404);
  });

  it('keeps preferences: an unsubscribe link turns a kind off without a session; essential kinds stay on', async () => {
    const email = `prefs-${backend}@example.org`;
    const client = await signUp(server.url, email);
    const before = (await (await client.get('/api/v1/me/notifications')).json()) as { preferences: { kind: string; channel: string; essential: boolean }[] };
    expect(before.preferences.find((p) => p.kind === 'mission-changed')).toEqual({ kind: 'mission-changed', channel: 'email', essential: false });
    const refused = await client.put('/api/v1/me/notifications', { preferences: { 'password-reset': 'none' } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('NOTIFICATION_ESSENTIAL');
    expect((await client.put('/api/v1/me/notifications', { preferences: { 'not-a-kind': 'none' } })).status).toBe(400);

    // The invitation of an existing account carries its unsubscribe link and the RFC 8058 headers.
    await admin.post('/api/v1/org/invitations', { email, role: 'TECH' });
    const mail = await sink.waitFor(email, (m) => /invite/.test(m.parsed.subject ?? ''));
    const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const header = /^List-Unsubscribe: (.*)$/m.exec(head)?.[1] ?? '';
    expect(/^List-Unsubscribe-Post: (.*)$/m.exec(head)?.[1]?.trim()).toBe('List-Unsubscribe=One-Click');
    expect(mail.parsed.text).toMatch(/Bonjour Lea Martin,/);
    const oneClick = /<(https?:[^>]+)>/.exec(header)?.[1];
    expect(oneClick).toBeTruthy();
    const res = await fetch(oneClick!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    const after = (await (await client.get('/api/v1/me/notifications')).json()) as { preferences: { kind: string; channel: string }[] };
    expect(after.preferences.find((p) => p.kind === 'org-invitation')?.channel).toBe('none');

    const forged = oneClick!.replace(/token=([^.]+)\./, 'token=QUJD.');
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/notifications/unsubscribe?token=%00`, { method: 'POST' })).status).toBe(400);

    // Turned off: the next invitation to this account queues nothing.
    await admin.post('/api/v1/org/invitations', { email, role: 'MANAGER' });
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.filter((m) => m.to.includes(email) && /invite/.test(m.parsed.subject ?? '')).length).toBe(1);
    const [queued] = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages where recipient = ${email} and kind = 'org-invitation'`;
    expect(queued!.n).toBe(1);
  });
});

describe.each(backends)('outbox durability on %s', (backend) => {
  let server: TestServer;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    // No runner in this instance: a crash after the commit, before any send.
    server = await startTestServer(backend, { smtpUrl: sink.url, jobRunner: false });
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('a message committed before a crash is sent once by the instances that start after it, even two at once', async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const email = `crash-${backend}@example.org`;
    expect((await admin.post('/api/v1/org/invitations', { email, role: 'TECH' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages).toHaveLength(0);
    const mailer = createMailer(sink.url, 'test@localhost')!;
    const runners = ['a', 'b'].map((id) => {
      const runner = new JobRunner(server.deps.db.sql, { id, pollMs: 50, logger: silent });
      registerOutboxJobs(runner, { db: server.deps.db, mailer, logger: silent });
      return runner.start();
    });
    await sink.waitFor(email);
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(runners.map((r) => r.stop()));
    mailer.close();
    expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('a refused write queues nothing (the invitation of a bad address)', async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const before = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages`;
    expect((await admin.post('/api/v1/org/invitations', { email: 'not an address', role: 'TECH' })).status).toBe(400);
    const after = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe.each(backends)('email without an SMTP server on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { jobRunner: true });
  });
  afterAll(async () => server?.close());

  it('keeps the messages in the outbox, where the admins of the organisation read the links', async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const email = `nosmtp-${backend}@example.org`;
    const { link } = (await (await admin.post('/api/v1/org/invitations', { email, role: 'TECH' })).json()) as { link: string };
    await new Promise((r) => setTimeout(r, 300));
    const list = (await (await admin.get('/api/v1/notifications/outbox')).json()) as OutboxBody;
    expect(list.smtp).toBe(false);
    const message = list.messages.find((m) => m.recipient === email);
    expect(message).toMatchObject({ kind: 'org-invitation', status: 'PENDING' });
    expect(message!.text).toContain(link);

    // A password reset link is never shown to an admin.
    const device = await signUp(server.url, `own-${backend}@example.org`);
    await device.post('/api/auth/request-password-reset', { email: `own-${backend}@example.org`, redirectTo: '/reset-password' });
    const again = (await (await admin.get('/api/v1/notifications/outbox?limit=200')).json()) as OutboxBody;
    expect(again.messages.some((m) => m.kind === 'password-reset' || m.kind === 'email-verification')).toBe(false);

    // Another organisation's admin sees none of them.
    const other = await signedIn(server.url, 'admin@coulisses.demo');
    const orgs = (await (await other.get('/api/v1/me')).json()) as { orgs: { id: string; role: string }[]; activeOrg: { id: string } };
    const second = orgs.orgs.find((o) => o.id !== orgs.activeOrg.id && o.role === 'ADMIN');
    if (second) {
      await other.put('/api/v1/me/active-org', { orgId: second.id });
      const theirs = (await (await other.get('/api/v1/notifications/outbox')).json()) as OutboxBody;
      expect(theirs.messages.some((m) => m.recipient === email)).toBe(false);
    }
    expect((await admin.get('/api/v1/notifications/outbox?status=LOST')).status).toBe(400);
    expect((await admin.get('/api/v1/notifications/outbox?before=%00')).status).toBe(400);
    const badCursor = encodeURIComponent('2026-99-99T99:99:99Z|00000000-0000-0000-0000-000000000000');
    expect((await admin.get(`/api/v1/notifications/outbox?before=${badCursor}`)).status).toBe(400);
    expect((await admin.get(`/api/v1/notifications/outbox?limit=100000`)).status).toBe(400);
    // Paging: the next page starts after the last message of the first.
    const first = (await (await admin.get('/api/v1/notifications/outbox?limit=1')).json()) as OutboxBody & { next: string };
    const page2 = (await (await admin.get(`/api/v1/notifications/outbox?limit=1&before=${encodeURIComponent(first.next)}`)).json()) as OutboxBody;
    expect(page2.messages[0]?.id).not.toBe(first.messages[0]?.id);
  });
});

describe.each(backends)('rate limits of password reset on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { authRateLimit: true });
  });
  afterAll(async () => server?.close());

  it('refuses the sixth request from one address within 15 minutes, and queues at most three messages to one account', async () => {
    const email = `limited-${backend}@example.org`;
    await signUp(server.url, email);
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await client.post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const [row] = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages where kind = 'password-reset' and recipient = ${email}`;
    expect(row!.n).toBe(3);
  });
});
