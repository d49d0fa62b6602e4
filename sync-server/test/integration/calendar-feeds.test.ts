import { uuidv7, type SyncDoc } from '@coulisses/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { assignment, mission, now, person } from '../helpers/docs';
import { memberIdOf, newMember } from '../helpers/replica';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A whole hour `days` days from now (inside every feed's window). */
const at = (days: number, hours = 0) => new Date(Math.floor(Date.now() / HOUR) * HOUR + days * DAY + hours * HOUR).toISOString();

interface Created {
  feed: { id: string; scope: string; subjectId: string | null; revokedAt: string | null };
  url: string;
  webcalUrl: string;
}

/** Reads a feed like a calendar application: no cookie, no origin. */
async function readFeed(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { res, text };
}

function eventsOf(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return new Map(
    cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.uid, { e, status: String(v.getFirstPropertyValue('status')), sequence: e.sequence, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() }] as const;
    }),
  );
}

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const utc = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
const vevent = (uid: string, start: string, end: string, extra: string[] = []) => ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${utc(now())}`, `DTSTART:${utc(start)}`, `DTEND:${utc(end)}`, 'SUMMARY:Rendez-vous perso', ...extra, 'END:VEVENT'].join('\r\n');

/**
 * Calendar feeds (issue 15, docs/decisions/notifications.md "Calendar feeds (ICS)"): secret revocable ICS addresses
 * per person, team and organisation, parsed here by ical.js; and the import of an .ics file as unavailability.
 */
describe.each(backends)('calendar feeds on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let techPerson: SyncDoc;
  let otherPerson: SyncDoc;
  const team = { id: uuidv7(), updatedAt: now(), kind: 'team', name: 'Lumiere', archived: false, data: {}, _deleted: false } as SyncDoc;
  const venue = { id: uuidv7(), updatedAt: now(), kind: 'venue', name: 'Theatre des Celestins', archived: false, data: { address: '4 rue Charles-Dullin, 69002 Lyon' }, _deleted: false } as SyncDoc;
  let show: SyncDoc;
  let cancelled: SyncDoc;
  let dropped: SyncDoc;
  let foreign: SyncDoc;

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    techPerson = person({ accountId: await accountIdOf(tech), firstName: 'Theo', lastName: 'Marchand', teamIds: [team.id] });
    otherPerson = person({ firstName: 'Lea' });
    show = mission({ title: 'Concert, plateau; cour', status: 'PUBLISHED', venueId: venue.id, startAt: at(10, 1), endAt: at(10, 9) });
    cancelled = mission({ title: 'Annule', status: 'CANCELLED', startAt: at(12), endAt: at(12, 4) });
    dropped = mission({ title: 'Retire', status: 'PUBLISHED', startAt: at(14), endAt: at(14, 4) });
    foreign = mission({ title: 'Festival etranger', status: 'PUBLISHED', startAt: at(10), endAt: at(10, 5) });
    await create(manager, 'reference', [team, venue]);
    await create(manager, 'users', [techPerson, otherPerson]);
    await create(manager, 'missions', [show, cancelled, dropped]);
    await create(manager, 'assignments', [
      assignment(show.id, techPerson.id, { role: 'Lumiere' }),
      assignment(cancelled.id, techPerson.id),
      assignment(dropped.id, techPerson.id, { status: 'CANCELLED' }),
    ]);
    await create(regie, 'missions', [foreign]);
  });
  afterAll(async () => server?.close());

  const createFeed = async (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/calendar/feeds', body);

  it('a person feed is text/calendar for real parsers: the mission at its UTC times with its venue, cancelled ones CANCELLED', async () => {
    const res = await createFeed(tech, { scope: 'person' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created.url).toMatch(/\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.webcalUrl).toBe(created.url.replace(/^http:/, 'webcal:'));
    expect(created.feed).toMatchObject({ scope: 'person', subjectId: techPerson.id, revokedAt: null });

    const { res: feed, text } = await readFeed(created.url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');
    const etag = feed.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);

    const host = new URL(created.url).host;
    const events = eventsOf(text);
    expect([...events.keys()].sort()).toEqual([`mission-${cancelled.id}@${host}`, `mission-${dropped.id}@${host}`, `mission-${show.id}@${host}`].sort());
    const ev = events.get(`mission-${show.id}@${host}`)!;
    expect(ev.e.summary).toBe('Concert, plateau; cour');
    expect(ev.start).toBe(show.startAt);
    expect(ev.end).toBe(show.endAt);
    expect(ev.e.location).toBe('Theatre des Celestins, 4 rue Charles-Dullin, 69002 Lyon');
    expect(ev.status).toBe('TENTATIVE');
    expect(events.get(`mission-${cancelled.id}@${host}`)!.status).toBe('CANCELLED');
    expect(events.get(`mission-${dropped.id}@${host}`)!.status).toBe('CANCELLED');

    // Same content: the same ETag, 304 to a conditional read.
    const again = await readFeed(created.url, { 'if-none-match': etag! });
    expect(again.res.status).toBe(304);
  });

  it('SEQUENCE grows when the mission changes, and when the assignment is answered', async () => {
    const { url } = (await (await createFeed(tech, { scope: 'person' })).json()) as Created;
    const uid = `mission-${show.id}@${new URL(url).host}`;
    const before = eventsOf((await readFeed(url)).text).get(uid)!;
    const moved = { ...show, title: 'Concert (horaire change)', startAt: at(10, 2), updatedAt: now() };
    const out = await push(manager, 'missions', [{ assumedMasterState: show, newDocumentState: moved }]);
    expect(out.rejected).toEqual([]);
    show = moved;
    const after = eventsOf((await readFeed(url)).text).get(uid)!;
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.e.summary).toBe('Concert (horaire change)');
    expect(after.start).toBe(moved.startAt);

    const stored = [...(await serverDocs(tech, 'assignments')).values()].find((a) => a.missionId === show.id)!;
    const accepted = { ...stored, status: 'ACCEPTED', statusChangedAt: now(), statusChangedBy: 'CREW', updatedAt: now() };
    expect((await push(tech, 'assignments', [{ assumedMasterState: stored, newDocumentState: accepted }])).rejected).toEqual([]);
    const answered = eventsOf((await readFeed(url)).text).get(uid)!;
    expect(answered.sequence).toBeGreaterThan(after.sequence);
    expect(answered.status).toBe('CONFIRMED');
  });

  it('a TECH makes only their own person feed; planners make any person, team or organisation feed', async () => {
    expect((await createFeed(tech, { scope: 'org' })).status).toBe(403);
    expect((await createFeed(tech, { scope: 'team', subjectId: team.id })).status).toBe(403);
    expect((await createFeed(tech, { scope: 'person', subjectId: otherPerson.id })).status).toBe(403);
    expect((await createFeed(tech, { scope: 'person', subjectId: techPerson.id })).status).toBe(201);
    expect((await createFeed(manager, { scope: 'person', subjectId: otherPerson.id })).status).toBe(201);
    expect((await createFeed(manager, { scope: 'person', subjectId: uuidv7() })).status).toBe(404);
    expect((await createFeed(manager, { scope: 'team', subjectId: uuidv7() })).status).toBe(404);
    expect((await createFeed(manager, { scope: 'team' })).status).toBe(400);
    expect((await createFeed(manager, { scope: 'org', subjectId: team.id })).status).toBe(400);
    expect((await createFeed(manager, { scope: 'galaxy' })).status).toBe(400);
    // Another organisation's team is not found.
    expect((await createFeed(regie, { scope: 'team', subjectId: team.id })).status).toBe(404);

    const org = (await (await createFeed(manager, { scope: 'org' })).json()) as Created;
    const host = new URL(org.url).host;
    const orgEvents = eventsOf((await readFeed(org.url)).text);
    expect(orgEvents.has(`mission-${show.id}@${host}`)).toBe(true);
    expect(orgEvents.has(`mission-${foreign.id}@${host}`)).toBe(false);
    expect(orgEvents.get(`mission-${cancelled.id}@${host}`)!.status).toBe('CANCELLED');

    const teamFeed = (await (await createFeed(manager, { scope: 'team', subjectId: team.id })).json()) as Created;
    const teamEvents = eventsOf((await readFeed(teamFeed.url)).text);
    // The member's active assignments: the show and the cancelled mission, not the one their assignment left.
    expect([...teamEvents.keys()].sort()).toEqual([`mission-${show.id}@${host}`, `mission-${cancelled.id}@${host}`].sort());

    const regieOrg = (await (await createFeed(regie, { scope: 'org' })).json()) as Created;
    const regieEvents = eventsOf((await readFeed(regieOrg.url)).text);
    expect([...regieEvents.keys()]).toContain(`mission-${foreign.id}@${host}`);
    expect([...regieEvents.keys()]).not.toContain(`mission-${show.id}@${host}`);

    // Lists carry no token; a TECH sees their own feeds only.
    const techList = (await (await tech.get('/api/v1/calendar/feeds')).json()) as { feeds: Record<string, unknown>[] };
    expect(techList.feeds.every((f) => f.scope === 'person' && f.subjectId === techPerson.id)).toBe(true);
    const managerList = await (await manager.get('/api/v1/calendar/feeds')).text();
    expect(managerList).not.toMatch(/token|\/ics\//);
    expect(JSON.parse(managerList).feeds.some((f: { scope: string }) => f.scope === 'org')).toBe(true);
  });

  it('a revoked or unknown token is the same 404; a TECH cannot revoke a planner\'s feed', async () => {
    const mine = (await (await createFeed(tech, { scope: 'person' })).json()) as Created;
    const org = (await (await createFeed(manager, { scope: 'org' })).json()) as Created;
    expect((await tech.post(`/api/v1/calendar/feeds/${org.feed.id}/revoke`)).status).toBe(404);
    expect((await regie.post(`/api/v1/calendar/feeds/${org.feed.id}/revoke`)).status).toBe(404);
    const revoked = await tech.post(`/api/v1/calendar/feeds/${mine.feed.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as Created).feed.revokedAt).not.toBeNull();
    const gone = await readFeed(mine.url);
    const unknown = await readFeed(`${server.url}/ics/${'A'.repeat(43)}.ics`);
    const malformed = await readFeed(`${server.url}/ics/nope.ics`);
    for (const r of [gone, unknown, malformed]) {
      expect(r.res.status).toBe(404);
      expect(JSON.parse(r.text).error.code).toBe('NOT_FOUND');
    }
    expect((await readFeed(org.url)).res.status).toBe(200);
    expect((await readFeed(`${server.url}/ics/%00.ics`)).res.status).toBe(400);
  });

  it('a feed stops when its creator leaves the organisation', async () => {
    const crew = await newMember(server.url, admin, `crew-${uuidv7()}@coulisses.test`, 'TECH');
    const crewPerson = person({ accountId: await accountIdOf(crew), firstName: 'Nina' });
    await create(manager, 'users', [crewPerson]);
    await create(manager, 'assignments', [assignment(show.id, crewPerson.id)]);
    const feed = (await (await createFeed(crew, { scope: 'person' })).json()) as Created;
    expect(eventsOf((await readFeed(feed.url)).text).size).toBe(1);
    const removed = await admin.delete(`/api/v1/org/members/${await memberIdOf(admin, await accountIdOf(crew))}`);
    expect(removed.status).toBeLessThan(300);
    expect((await readFeed(feed.url)).res.status).toBe(404);
  });

  it('an .ics import creates UNAVAILABLE availabilities through the core, and importing again creates nothing', async () => {
    const file = ics(
      vevent('dentist@perso', at(3, 2), at(3, 4)),
      vevent('weekly@perso', at(4), at(4, 2), ['RRULE:FREQ=WEEKLY;COUNT=3']),
      vevent('free@perso', at(5), at(5, 1), ['TRANSP:TRANSPARENT']),
      vevent('past@perso', at(-30), at(-30, 1)),
    );
    const post = (client: TestClient, body: string, query = '') => client.request('POST', `/api/v1/calendar/import${query}`, body, { 'content-type': 'text/calendar; charset=utf-8' });
    const first = await post(tech, file);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ userId: techPerson.id, created: 4, skipped: 2 });
    const again = await post(tech, file);
    expect(await again.json()).toEqual({ userId: techPerson.id, created: 0, skipped: 6 });

    const mine = [...(await serverDocs(tech, 'availabilities')).values()].filter((a) => a.note === 'Rendez-vous perso');
    expect(mine).toHaveLength(4);
    expect(mine.every((a) => a.kind === 'UNAVAILABLE' && a.userId === techPerson.id)).toBe(true);
    expect(mine.map((a) => a.startAt).sort()).toEqual([at(3, 2), at(4), at(11), at(18)].sort());

    // Multipart works too; a planner imports for anyone of the organisation, a TECH for themselves only.
    const form = new FormData();
    form.set('file', new File([ics(vevent('other@perso', at(6), at(6, 3)))], 'agenda.ics', { type: 'text/calendar' }));
    const multipart = await fetch(`${server.url}/api/v1/calendar/import?userId=${otherPerson.id}`, { method: 'POST', body: form, headers: { cookie: manager.cookieHeader(), origin: server.url.replace('127.0.0.1', 'localhost') } });
    expect(await multipart.json()).toEqual({ userId: otherPerson.id, created: 1, skipped: 0 });
    expect((await post(tech, file, `?userId=${otherPerson.id}`)).status).toBe(403);
    expect((await post(regie, file, `?userId=${otherPerson.id}`)).status).toBe(404);
  });

  it('hostile imports get a 4xx with a stable code, never a 500', async () => {
    const post = (body: string | Uint8Array, type = 'text/calendar') => tech.request('POST', '/api/v1/calendar/import', body as string, { 'content-type': type });
    const code = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });
    expect(await code(await post('this is not a calendar'))).toEqual({ status: 400, code: 'ICS_INVALID' });
    expect(await code(await post('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n'))).toEqual({ status: 400, code: 'ICS_INVALID' });
    expect(await code(await post(ics(vevent('nul@x', at(3), at(4))).replace('Rendez-vous', 'Rendez\u0000vous')))).toEqual({ status: 400, code: 'ICS_INVALID' });
    expect(await code(await post(''))).toEqual({ status: 400, code: 'ICS_NO_FILE' });
    expect(await code(await post('{}', 'application/json'))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const huge = ics(...Array.from({ length: 9000 }, (_, i) => vevent(`e${i}@x`, at(3), at(3, 1))));
    expect((await post(huge)).status).toBe(413);
    const many = ics(vevent('daily@x', at(1), at(1, 1), ['RRULE:FREQ=HOURLY']));
    expect(await code(await post(many))).toEqual({ status: 413, code: 'ICS_TOO_LARGE' });
  });
});
