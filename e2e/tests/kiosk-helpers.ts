import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { assignmentDoc, missionDoc, personDoc, pushDocs, uuid7 } from './planning-helpers';

export interface KioskScene {
  venue: { id: string; name: string };
  missionId: string;
  people: { id: string; firstName: string }[];
}

/** A venue, a mission there running now, and `names` assigned to it, pushed through the sync API as a planner. */
export async function kioskScene(api: APIRequestContext, names: string[]): Promise<KioskScene> {
  const tag = Date.now().toString(36).slice(-5);
  const venue = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'venue', name: `Salle E2E ${tag}`, archived: false, data: {} };
  await pushDocs(api, 'reference', [venue]);
  const now = Date.now();
  const mission = missionDoc(`Concert ${tag}`, new Date(now - 3_600_000).toISOString(), new Date(now + 4 * 3_600_000).toISOString(), { venueId: venue.id });
  await pushDocs(api, 'missions', [mission]);
  const people = names.map((n) => personDoc(`${n}${tag}`, null));
  await pushDocs(api, 'users', people);
  await pushDocs(api, 'assignments', people.map((p) => assignmentDoc(String(mission.id), String(p.id))));
  return {
    venue: { id: venue.id, name: venue.name },
    missionId: String(mission.id),
    people: people.map((p) => ({ id: String(p.id), firstName: String(p.firstName) })),
  };
}

/** Enrols a kiosk through the API; answers its id and the path of its enrolment link. */
export async function enrolKioskApi(api: APIRequestContext, venueId: string, name: string): Promise<{ id: string; path: string }> {
  const res = await api.post('/api/v1/timeclock/kiosks', { data: { venueId, name } });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { kiosk: { id: string }; token: string };
  return { id: body.kiosk.id, path: `/kiosk#enrol=${body.token}` };
}

export async function setPinApi(api: APIRequestContext, userId: string, pin: string): Promise<void> {
  const res = await api.put(`/api/v1/timeclock/pins/${userId}`, { data: { pin } });
  expect(res.status()).toBe(204);
}

/** Taps a person's tile on the kiosk and types a PIN on the pad. */
export async function enterPin(page: Page, userId: string, pin: string): Promise<void> {
  if (!(await page.getByTestId('kiosk-pin').isVisible())) await page.locator(`[data-testid="kiosk-tile"][data-user-id="${userId}"]`).click();
  await expect(page.getByTestId('kiosk-pin')).toBeVisible();
  for (const d of pin) await page.getByTestId(`kiosk-key-${d}`).click();
  await page.getByTestId('kiosk-pin-ok').click();
}

/** A full punch at the kiosk: tile, PIN, the action, then back to the roster. */
export async function punchAtKiosk(page: Page, userId: string, pin: string, action: 'IN' | 'OUT' | 'BREAK_START' | 'BREAK_END'): Promise<void> {
  await enterPin(page, userId, pin);
  await page.getByTestId(`kiosk-action-${action}`).click();
  await expect(page.getByTestId('kiosk-confirm')).toBeVisible();
  // The confirmation goes away by itself after 4 s; the button only shortens the wait.
  await page.getByTestId('kiosk-confirm-done').click({ timeout: 2000 }).catch(() => undefined);
  await expect(page.getByTestId('kiosk-roster')).toBeVisible();
}
