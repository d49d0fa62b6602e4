import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { waitForSyncIdle } from './sync-helpers';

/** A UUIDv7 like the app's (time-ordered ids for documents pushed by the tests). */
export function uuid7(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** YYYY-MM-DD arithmetic on calendar dates. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The Monday of a week in the future (weeks from now, plus a random spread so that tests of one run rarely
 * share a week). Weeks in the middle of a season: no daylight saving change inside.
 */
export function futureMonday(minWeeks = 3): string {
  const now = new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dow = (today.getUTCDay() + 6) % 7;
  let monday = addDays(today.toISOString().slice(0, 10), -dow + 7 * (minWeeks + Math.floor(Math.random() * 40)));
  // Keep clear of the weeks of the March and October changes (last Sunday of the month).
  while (/-(03|10)-(2[2-9]|3[01])$/.test(monday) || /-(03|10)-(2[2-9]|3[01])$/.test(addDays(monday, 7)) || /-(03|10)-(2[2-9]|3[01])$/.test(addDays(monday, 13))) monday = addDays(monday, 21);
  return monday;
}

/** Pushes documents as the API session's account (the sync endpoint); every row must be applied. */
export async function pushDocs(api: APIRequestContext, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  const res = await api.post(`/api/v1/sync/${collection}/push?details=1`, { data: docs.map((d) => ({ newDocumentState: { ...d, _deleted: false } })) });
  expect(res.status(), `push ${collection}`).toBe(200);
  const body = (await res.json()) as { rejected: unknown[] };
  expect(body.rejected, `push ${collection}`).toEqual([]);
}

/** The login account id of a member, by email (ADMIN or MANAGER session). */
export async function accountIdOf(api: APIRequestContext, email: string): Promise<string> {
  const res = await api.get('/api/v1/org/members');
  const { members } = (await res.json()) as { members: { accountId: string; email: string }[] };
  const m = members.find((x) => x.email === email);
  expect(m, `member ${email}`).toBeTruthy();
  return m!.accountId;
}

/** A schedulable person, optionally linked to a login account, pushed through the sync API. */
export function personDoc(firstName: string, accountId: string | null): Record<string, unknown> {
  return { id: uuid7(), updatedAt: new Date().toISOString(), accountId, firstName, lastName: 'E2E', employmentType: 'INTERMITTENT', skills: [], tags: [], teamIds: [], active: true };
}

export function missionDoc(title: string, startAt: string, endAt: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: uuid7(), updatedAt: new Date().toISOString(), projectId: null, title, venueId: null, startAt, endAt, type: 'MONTAGE', status: 'PUBLISHED', needs: [], teamId: null, ...extra };
}

export function assignmentDoc(missionId: string, userId: string): Record<string, unknown> {
  const at = new Date().toISOString();
  return { id: uuid7(), updatedAt: at, missionId, userId, status: 'INVITED', statusChangedAt: at, statusChangedBy: 'MANAGER' };
}

/** Signs in and opens a tab of the Planning area once the local store has synced. */
export async function openPlanningTab(page: Page, email: string, tab: 'projects' | 'missions' | 'people' | 'availability', password?: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await page.getByTestId(`planning-tab-${tab}`).click();
  await waitForSyncIdle(page);
}

/** The id at the end of the data-testid of the one element matching `prefix` and showing `text`. */
export async function idOf(page: Page, prefix: string, text: string): Promise<string> {
  const row = page.locator(`[data-testid^="${prefix}"]`, { hasText: text });
  await expect(row).toHaveCount(1);
  return String(await row.getAttribute('data-testid')).slice(prefix.length);
}

/** The "ready offline" toast sits over the bottom of the page: close it whenever it gets in the way of a click. */
export async function dismissToasts(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByTestId('offline-ready'), async () => {
    await page.getByTestId('offline-ready-dismiss').click();
  });
}

/** The token of an invitation link's path, as the public API takes it (the shared link writes dots as ~). */
export function tokenOf(path: string): string {
  return String(path.split('/').pop()).replaceAll('~', '.');
}

/** Batch wizard: title, project, a range of days (optionally some weekdays) and time ranges; answers the count. */
export async function runWizard(page: Page, o: { title: string; projectId: string; from: string; to: string; weekdays?: number[]; ranges: [string, string][]; role?: string }): Promise<number> {
  await page.getByTestId('planning-tab-missions').click();
  await page.getByTestId('missions-sub-batch').click();
  await page.getByTestId('batch-title').fill(o.title);
  await page.getByTestId('batch-project').selectOption(o.projectId);
  await page.getByTestId('batch-from').fill(o.from);
  await page.getByTestId('batch-to').fill(o.to);
  for (const d of o.weekdays ?? []) await page.getByTestId(`batch-weekday-${d}`).check();
  for (const [i, [from, to]] of o.ranges.entries()) {
    if (i > 0) await page.getByTestId('batch-range-add').click();
    await page.getByTestId(`batch-range-from-${i}`).fill(from);
    await page.getByTestId(`batch-range-to-${i}`).fill(to);
  }
  if (o.role) {
    await page.getByTestId('batch-role-add').click();
    await page.getByTestId('batch-role-role-0').fill(o.role);
    await page.getByTestId('batch-role-count-0').fill('2');
  }
  await page.getByTestId('batch-preview').click();
  const count = Number(await page.getByTestId('batch-preview-count').getAttribute('data-count'));
  await page.getByTestId('batch-create').click();
  await expect(page.getByTestId('batch-created')).toBeVisible();
  return count;
}

/** Missions list filtered on one project (and optionally local dates). */
export async function filterMissions(page: Page, projectId: string, from = '', to = ''): Promise<void> {
  await page.getByTestId('missions-sub-list').click();
  await page.getByTestId('mission-filter-project').selectOption(projectId);
  await page.getByTestId('mission-filter-from').fill(from);
  await page.getByTestId('mission-filter-to').fill(to);
}
