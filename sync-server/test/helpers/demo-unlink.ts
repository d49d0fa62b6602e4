import type { RunningServer } from '../../src/server';

/**
 * Unlinks the demo season's people from their accounts, through the sync core (numbered, audited writes): a test
 * links the demo accounts to the people it makes. The season's own links are checked by demo-seed.test.ts.
 */
export async function unlinkDemoPeople(running: RunningServer): Promise<void> {
  const { sql } = running.deps.db;
  const linked = await sql<{ org_id: string; id: string }[]>`select org_id, id from users where not deleted and coalesce(doc->>'accountId', '') <> ''`;
  for (const row of linked) {
    await running.deps.sync.serverUpdate(row.org_id, { accountId: null, viewer: null }, 'users', row.id, (doc) => ({ ...doc, accountId: null, updatedAt: new Date().toISOString() }));
  }
}
