import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { serverDocs, type ServerDoc } from './sync-helpers';

/** Test data goes in through the sync push API (the session cookie of page.request), like any device's writes. */
type Doc = Record<string, unknown> & { id: string };

export async function push(api: APIRequestContext, collection: string, rows: { newDocumentState: Doc; assumedMasterState?: Doc }[]): Promise<void> {
  const res = await api.post(`/api/v1/sync/${collection}/push?details=1`, { data: rows });
  expect(res.status(), `push ${collection}`).toBe(200);
  const body = (await res.json()) as { rejected: unknown[]; written: number };
  expect(body.rejected, `push ${collection} refused`).toEqual([]);
}

const now = () => new Date().toISOString();
export const newId = () => randomUUID();

/** The instant of a wall-clock time in Paris, winter (UTC+1) dates only: 2027-01 and 2027-02. */
export function paris(date: string, time: string): string {
  return new Date(`${date}T${time}:00+01:00`).toISOString();
}

export function project(name: string): Doc {
  return { id: newId(), updatedAt: now(), name, status: 'ACTIVE', venueIds: [], startDate: null, endDate: null, managerUserIds: [] };
}

export function team(name: string): Doc {
  return { id: newId(), updatedAt: now(), kind: 'team', name, archived: false, data: {} };
}

export function skill(name: string): Doc {
  return { id: newId(), updatedAt: now(), kind: 'skill', name, archived: false, data: {} };
}

export function person(firstName: string, lastName: string, extra: Partial<{ teamIds: string[]; skills: string[] }> = {}): Doc {
  return { id: newId(), updatedAt: now(), accountId: null, firstName, lastName, employmentType: 'INTERMITTENT', skills: extra.skills ?? [], tags: [], teamIds: extra.teamIds ?? [], active: true };
}

export function mission(title: string, startAt: string, endAt: string, extra: Partial<{ projectId: string; teamId: string; status: string; needs: unknown[] }> = {}): Doc {
  return {
    id: newId(), updatedAt: now(), projectId: extra.projectId ?? null, title, venueId: null, startAt, endAt, type: 'SPECTACLE',
    status: extra.status ?? 'PUBLISHED', needs: extra.needs ?? [], teamId: extra.teamId ?? null,
  };
}

export function invitation(missionId: string, userId: string): Doc {
  return { id: newId(), updatedAt: now(), missionId, userId, status: 'INVITED', statusChangedAt: now(), statusChangedBy: 'MANAGER' };
}

/** Creates the documents (in that order of collections) and returns nothing: they are now on the server. */
export async function seed(api: APIRequestContext, data: Partial<Record<'reference' | 'projects' | 'users' | 'missions' | 'assignments', Doc[]>>): Promise<void> {
  for (const collection of ['reference', 'projects', 'users', 'missions', 'assignments'] as const) {
    const docs = data[collection];
    if (docs?.length) await push(api, collection, docs.map((d) => ({ newDocumentState: d })));
  }
}

/** Sets an assignment's status as the planning side (INVITED -> ACCEPTED, DECLINED or CANCELLED). */
export async function setStatus(api: APIRequestContext, assignment: Doc, status: string): Promise<Doc> {
  const next = { ...assignment, status, statusChangedAt: now(), updatedAt: now() };
  await push(api, 'assignments', [{ newDocumentState: next, assumedMasterState: assignment }]);
  return next;
}

/** The server's copy of one document. */
export async function serverDoc(page: Page, collection: string, id: string): Promise<ServerDoc | undefined> {
  return (await serverDocs(page.request, collection)).find((d) => d.id === id);
}

/** A pointer drag with intermediate moves (dnd-kit starts after a few pixels). */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x, to.y);
  await page.mouse.up();
}

/** Scrolls the page so that the calendar grid starts at the top of the viewport (drags stay away from the edges). */
export async function showGrid(page: Page): Promise<void> {
  await page.getByTestId('calendar-grid').evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The element's box in the viewport (no scrolling: the week grid keeps its own scroll position). */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}
