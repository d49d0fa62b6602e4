import { ENTITIES, type Checkpoint, type SyncDoc } from '@coulisses/shared';
import { TestClient } from './client';

export const COLLECTIONS = ENTITIES.map((e) => e.name);

/**
 * A replica kept by the documented pull endpoint only, as any RxDB client keeps one: documents by collection,
 * a checkpoint per collection, deletions applied; 410 (SCOPE_CHANGED, CHECKPOINT_EXPIRED) drops the collection and
 * starts it again from zero; 401/403 (signed out, removed from the organisation) drops everything.
 */
export class Replica {
  readonly docs = new Map<string, Map<string, SyncDoc>>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  resets = 0;
  /** Documents this replica held and was told to drop (deletions and scope exits). */
  removed = 0;
  denied = false;

  constructor(readonly client: TestClient) {}

  private reset(collection: string): void {
    this.docs.delete(collection);
    this.checkpoints.delete(collection);
  }

  /** Pulls a collection until it is up to date, in pages of `page` documents. */
  async pull(collection: string, page = 200): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      const cp = this.checkpoints.get(collection) ?? { seq: 0 };
      const res = await this.client.get(`/api/v1/sync/${collection}/pull?limit=${page}&checkpoint=${encodeURIComponent(JSON.stringify(cp))}`);
      if (res.status === 410) {
        this.resets += 1;
        this.reset(collection);
        continue;
      }
      if (res.status === 401 || res.status === 403) {
        this.denied = true;
        this.docs.clear();
        this.checkpoints.clear();
        return;
      }
      if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${await res.text()}`);
      this.denied = false;
      const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: Checkpoint };
      const map = this.docs.get(collection) ?? new Map<string, SyncDoc>();
      for (const d of body.documents) {
        if (d._deleted) {
          if (map.delete(d.id)) this.removed += 1;
        }
        else map.set(d.id, { ...d, _deleted: false });
      }
      this.docs.set(collection, map);
      this.checkpoints.set(collection, body.checkpoint);
      if (body.documents.length < page) return;
    }
    throw new Error(`pull ${collection} never ended`);
  }

  async pullAll(page = 200, collections: readonly string[] = COLLECTIONS): Promise<void> {
    for (const c of collections) {
      await this.pull(c, page);
      if (this.denied) return;
    }
  }

  /** The live documents of a collection, sorted by id (for comparisons). */
  live(collection: string): SyncDoc[] {
    return [...(this.docs.get(collection)?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }
}

/** What a brand-new device of the same viewer would hold. */
export async function freshReplica(client: TestClient): Promise<Replica> {
  const r = new Replica(client);
  await r.pullAll(1000);
  return r;
}

/** Signs up a new account, has the admin invite it with `role`, and accepts: a member of the admin's organisation. */
export async function newMember(baseUrl: string, admin: TestClient, email: string, role: 'TECH' | 'MANAGER' | 'ADMIN'): Promise<TestClient> {
  const created = await admin.post('/api/v1/org/invitations', { email, role });
  if (created.status !== 201) throw new Error(`invite ${email}: ${created.status} ${await created.text()}`);
  const { invitation } = (await created.json()) as { invitation: { id: string } };
  const client = new TestClient(baseUrl);
  const up = await client.post('/api/auth/sign-up/email', { email, password: 'crew-password-1', name: email.split('@')[0] });
  if (up.status !== 200) throw new Error(`sign-up ${email}: ${up.status} ${await up.text()}`);
  const accepted = await client.post(`/api/v1/invitations/${invitation.id}/accept`);
  if (accepted.status !== 200) throw new Error(`accept ${email}: ${accepted.status} ${await accepted.text()}`);
  return client;
}

/** The member id (auth_member) of an account in the admin's organisation. */
export async function memberIdOf(admin: TestClient, accountId: string): Promise<string> {
  const res = await admin.get('/api/v1/org/members');
  const { members } = (await res.json()) as { members: { id: string; accountId: string }[] };
  const m = members.find((x) => x.accountId === accountId);
  if (!m) throw new Error(`no member for ${accountId}`);
  return m.id;
}
