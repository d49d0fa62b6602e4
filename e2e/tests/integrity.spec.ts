import type { APIRequestContext } from '@playwright/test';
import { nextLink, type ChainHead } from '@coulisses/shared/timeclock/chain';
import postgres from 'postgres';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { accountIdOf, personDoc, pushDocs, uuid7 } from './planning-helpers';
import { adminSession, apiSession, createMember, waitForSyncIdle } from './sync-helpers';

/** A crew phone's chained punches, built with the shared chain functions like the app's punch recorder. */
function phonePunches(userId: string, deviceId: string, types: string[]): Record<string, unknown>[] {
  let head: ChainHead | null = null;
  return types.map((punchType, i) => {
    const at = new Date(Date.now() - (types.length - i) * 15 * 60_000).toISOString();
    const draft = { id: uuid7(), updatedAt: at, kind: 'PUNCH', userId, missionId: null, subjectId: null, at, deviceId, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null };
    const payload = { punchType, source: 'PHONE', method: 'SESSION', venueId: null };
    const link = nextLink(head, { ...draft, payload });
    head = { seq: link.seq, hash: link.hash };
    return { ...draft, payload: { ...payload, ...link } };
  });
}

/** Deletes one punch straight in the e2e server's Postgres database (found by the device's punches). */
async function deleteInDatabase(deviceId: string, seq: number): Promise<boolean> {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = postgres(base, { max: 1, onnotice: () => undefined });
  try {
    const dbs = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'cc_e2e_%'`;
    for (const { datname } of dbs) {
      const url = new URL(base);
      url.pathname = `/${datname}`;
      const sql = postgres(url.toString(), { max: 1, onnotice: () => undefined });
      try {
        const done = await sql`
          delete from field_events where doc->>'kind' = 'PUNCH' and doc->>'deviceId' = ${deviceId} and (doc->'payload'->>'seq')::int = ${seq} returning id`;
        if (done.length > 0) return true;
      } catch {
        // A database being created or dropped by another run: not ours.
      } finally {
        await sql.end({ timeout: 1 });
      }
    }
    return false;
  } finally {
    await admin.end({ timeout: 1 });
  }
}

test.describe('punch integrity', () => {
  let admin: APIRequestContext;
  let crew: APIRequestContext;
  let manager: APIRequestContext;

  test.afterAll(async () => {
    await Promise.all([admin?.dispose(), crew?.dispose(), manager?.dispose()]);
  });

  test('a manager sees a crew phone chain OK and its flagged punch; a punch deleted in the database shows as a GAP', async ({ page, baseURL }) => {
    admin = await adminSession(baseURL!);
    manager = await apiSession(baseURL!, ACCOUNTS.manager);
    const member = await createMember(baseURL!, 'TECH', admin);
    const person = personDoc('Pointeuse', await accountIdOf(manager, member.email));
    await pushDocs(manager, 'users', [person]);

    // The crew member's phone punched four times; its clock was 10 minutes behind when it pushed the first one.
    crew = await apiSession(baseURL!, member.email, member.password);
    const deviceId = `phone-${uuid7()}`;
    const punches = phonePunches(String(person.id), deviceId, ['IN', 'BREAK_START', 'BREAK_END', 'OUT']);
    const skewed = await crew.post('/api/v1/sync/field_events/push?details=1', {
      data: [{ newDocumentState: { ...punches[0], _deleted: false } }],
      headers: { 'x-device-time': new Date(Date.now() - 10 * 60_000).toISOString() },
    });
    expect(((await skewed.json()) as { rejected: unknown[] }).rejected).toEqual([]);
    await pushDocs(crew, 'field_events', punches.slice(1));

    await signIn(page, ACCOUNTS.manager);
    await page.goto('/timeclock/chains');
    await waitForSyncIdle(page);
    const row = page.locator(`[data-testid="integrity-device"][data-device-id="${deviceId}"]`);
    await expect(row).toHaveAttribute('data-status', 'OK');
    await expect(row).toContainText(`T\u00e9l\u00e9phone ${deviceId.replace(/-/g, '').slice(-6)}`);
    await expect(row.getByTestId('integrity-status')).toHaveText('Int\u00e8gre');
    const flagged = page.getByTestId('integrity-flagged-row').filter({ hasText: 'Pointeuse' });
    await expect(flagged).toHaveCount(1);
    await expect(flagged).toContainText('Horloge d\u00e9cal\u00e9e');
    await expect(flagged).toContainText('En retard de 10 min');

    // Only the Postgres e2e server's database is reachable from the test (PGlite lives inside the server).
    if (test.info().project.name !== 'postgres') return;
    expect(await deleteInDatabase(deviceId, 2)).toBe(true);
    await page.getByTestId('integrity-refresh').click();
    await expect(row).toHaveAttribute('data-status', 'GAP');
    await expect(row).toContainText('Num\u00e9ros manquants : 2');
  });
});
