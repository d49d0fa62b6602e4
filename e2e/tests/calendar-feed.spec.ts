import ICAL from 'ical.js';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { accountIdOf, assignmentDoc, dismissToasts, futureMonday, missionDoc, personDoc, pushDocs, uuid7 } from './planning-helpers';
import { adminSession, apiSession, createMember, uniqueName, waitForSyncIdle } from './sync-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

const parisTime = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * Issue 15 acceptance: a crew member opens their ICS feed URL and sees the mission. The feed is made in the UI of
 * "My missions", read without the session (as a calendar application would) and parsed with ical.js.
 */
test('a crew member creates their calendar feed and the feed holds the mission shown on their page', async ({ page, request, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const tech = await createMember(baseURL!, 'TECH', admin);
  const accountId = await accountIdOf(admin, tech.email);
  await admin.dispose();
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const venue = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'venue', name: uniqueName('Salle'), archived: false, data: { address: '3 quai des Artistes, Nantes' } };
  const person = personDoc(uniqueName('Crew'), accountId);
  const monday = futureMonday();
  const show = missionDoc(uniqueName('Montage scene'), `${monday}T07:30:00.000Z`, `${monday}T15:00:00.000Z`, { venueId: venue.id });
  const a = assignmentDoc(String(show.id), String(person.id));
  await pushDocs(manager, 'reference', [venue]);
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [show]);
  await pushDocs(manager, 'assignments', [a]);
  await manager.dispose();

  await signIn(page, tech.email, tech.password);
  await waitForSyncIdle(page);
  const card = page.getByTestId(`my-mission-${String(a.id)}`);
  await expect(card).toContainText(String(show.title));
  await expect(card).toContainText(parisTime(String(show.startAt)));

  const panel = page.getByTestId('calendar-feeds');
  await panel.getByTestId('calendar-feed-create').click();
  const urlField = panel.getByTestId('calendar-feed-url');
  await expect(urlField).toHaveValue(/\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await urlField.inputValue();
  await expect(panel.getByTestId('calendar-feed-webcal')).toHaveAttribute('href', url.replace(/^https?:/, 'webcal:'));
  await expect(panel.getByTestId('calendar-feed-list').locator('li')).toHaveCount(1);

  // The calendar application's read: another request context, without the page's session cookie.
  const res = await request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
  const cal = new ICAL.Component(ICAL.parse(await res.text()));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const ev = events.find((e) => e.summary === show.title);
  expect(ev).toBeDefined();
  expect(ev!.startDate.toJSDate().toISOString()).toBe(show.startAt);
  expect(parisTime(ev!.startDate.toJSDate().toISOString())).toBe(parisTime(String(show.startAt)));
  expect(ev!.location).toBe(`${venue.name}, 3 quai des Artistes, Nantes`);
});
