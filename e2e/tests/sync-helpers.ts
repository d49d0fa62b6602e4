import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './helpers';

export interface ServerDoc {
  id: string;
  name?: string;
  status?: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

/** Every document of a collection the caller may read, as the server has it (paged pull from the start). */
export async function serverDocs(api: APIRequestContext, collection: string): Promise<ServerDoc[]> {
  const docs: ServerDoc[] = [];
  let checkpoint = { seq: 0 };
  for (;;) {
    const cp = encodeURIComponent(JSON.stringify(checkpoint));
    const res = await api.get(`/api/v1/sync/${collection}/pull?checkpoint=${cp}&limit=1000`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { documents: ServerDoc[]; checkpoint: { seq: number } };
    docs.push(...body.documents);
    if (body.documents.length < 1000) return docs;
    checkpoint = body.checkpoint;
  }
}

/** A unique project name for one test run. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Creates a project through the Planning form and answers its id (read from its row). */
export async function createProject(page: Page, name: string, status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' = 'DRAFT'): Promise<string> {
  const form = page.getByTestId('project-form');
  if (!(await form.isVisible())) await page.getByTestId('planning-tab-projects').click();
  await form.getByTestId('project-name').fill(name);
  await form.getByTestId('project-status').selectOption(status);
  await form.getByTestId('project-submit').click();
  return projectId(page, name);
}

/** The id of the project row showing `name`. */
export async function projectId(page: Page, name: string): Promise<string> {
  const row = page.getByTestId('project-list').locator('[data-testid^="project-row-"]', { hasText: name });
  await expect(row).toHaveCount(1);
  const testId = await row.getAttribute('data-testid');
  return String(testId).replace('project-row-', '');
}

/** Waits until the local store is open and the leader's engine has finished a round (idle, with a last sync time). */
export async function waitForSyncIdle(page: Page): Promise<void> {
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-last-sync', /.+/, { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-phase', 'idle', { timeout: 20_000 });
}

/** An API session (cookie jar) signed in as `email`. */
export async function apiSession(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await api.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(res.status(), `sign-in of ${email}`).toBe(200);
  return api;
}

export interface NewMember {
  email: string;
  password: string;
  memberId: string;
}

/**
 * A new account that joined the demo organisation with `role` (invited by the ADMIN, signed up, accepted),
 * so a test may change its role without touching the demo accounts other tests use.
 */
export async function createMember(baseURL: string, role: 'MANAGER' | 'TECH', admin: APIRequestContext): Promise<NewMember> {
  const email = `e2e-${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  const password = 'e2e-password-1';
  const invited = await admin.post('/api/v1/org/invitations', { data: { email, role } });
  expect(invited.status()).toBe(201);
  const { invitation } = (await invited.json()) as { invitation: { id: string } };
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signUp = await api.post('/api/auth/sign-up/email', { data: { name: `E2E ${role}`, email, password } });
  expect(signUp.status()).toBe(200);
  const accepted = await api.post(`/api/v1/invitations/${invitation.id}/accept`);
  expect(accepted.status()).toBe(200);
  await api.dispose();
  const members = (await (await admin.get('/api/v1/org/members')).json()) as { members: { id: string; email: string }[] };
  const member = members.members.find((m) => m.email === email);
  expect(member).toBeTruthy();
  return { email, password, memberId: member!.id };
}

/** The ADMIN of the demo organisation, through the API. */
export function adminSession(baseURL: string): Promise<APIRequestContext> {
  return apiSession(baseURL, ACCOUNTS.admin);
}
