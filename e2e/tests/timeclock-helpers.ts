import { expect, type APIRequestContext } from '@playwright/test';
import { nextLink, type ChainHead } from '@coulisses/shared/timeclock/chain';
import { accountIdOf, assignmentDoc, missionDoc, personDoc, pushDocs, uuid7 } from './planning-helpers';
import { adminSession, apiSession, createMember, serverDocs, uniqueName, type ServerDoc } from './sync-helpers';
import { ACCOUNTS } from './helpers';

export interface CrewScene {
  tech: { email: string; password: string };
  manager: APIRequestContext;
  person: Record<string, unknown>;
  personId: string;
  mission: Record<string, unknown>;
  firstName: string;
}

/** Floors an instant to the minute (ISO). */
export const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

/**
 * A new TECH account linked to a new person with an ACCEPTED assignment on a mission around `startMs`
 * (set up through the API as the planning e2e helpers do).
 */
export async function crewWithMission(baseURL: string, startMs: number): Promise<CrewScene> {
  const admin = await adminSession(baseURL);
  const tech = await createMember(baseURL, 'TECH', admin);
  const accountId = await accountIdOf(admin, tech.email);
  await admin.dispose();
  const manager = await apiSession(baseURL, ACCOUNTS.manager);
  const firstName = uniqueName('Pointeur');
  const person = personDoc(firstName, accountId);
  const mission = missionDoc(uniqueName('Service'), minute(startMs - 5 * 60_000), minute(startMs + 4 * 3_600_000), { type: 'SPECTACLE' });
  const invited = assignmentDoc(String(mission.id), String(person.id));
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [mission]);
  await pushDocs(manager, 'assignments', [invited]);
  // The manager records the crew member's yes (INVITED -> ACCEPTED), seeing the stored state.
  const stored = (await serverDocs(manager, 'assignments')).find((d) => d.id === invited.id)!;
  const at = new Date().toISOString();
  const res = await manager.post('/api/v1/sync/assignments/push?details=1', {
    data: [{ assumedMasterState: stored, newDocumentState: { ...stored, status: 'ACCEPTED', statusChangedAt: at, statusChangedBy: 'MANAGER', updatedAt: at } }],
  });
  expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([]);
  return { tech, manager, person, personId: String(person.id), mission, firstName };
}

/** Punches made by a manager through the API, chained on their own device (without mission unless one is given). */
export async function managerPunches(api: APIRequestContext, userId: string, punches: { type: 'IN' | 'OUT' | 'BREAK_START' | 'BREAK_END'; at: string; missionId?: string }[]): Promise<void> {
  const deviceId = `e2e-manager-${uuid7()}`;
  let head: ChainHead | null = null;
  const docs: Record<string, unknown>[] = [];
  for (const p of punches) {
    const draft = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'PUNCH', userId, missionId: p.missionId ?? null, subjectId: null, at: p.at, deviceId, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null };
    const payload = { punchType: p.type, source: 'MANAGER', method: 'SESSION', venueId: null };
    const link = nextLink(head, { ...draft, payload });
    head = { seq: link.seq, hash: link.hash };
    docs.push({ ...draft, payload: { ...payload, ...link } });
  }
  await pushDocs(api, 'field_events', docs);
}

/** The person's documents of a collection as the server has them. */
export async function serverDocsOf(api: APIRequestContext, collection: string, userId: string): Promise<ServerDoc[]> {
  return (await serverDocs(api, collection)).filter((d) => d.userId === userId && !d._deleted);
}
