import { entityByName, type SyncDoc } from '@coulisses/shared';
import { getOrgSettings } from '../org/settings-repo';
import { rateProfileCheck } from '../payroll/payroll-routes';
import { punchRefusal } from '../timeclock/punch-flags';
import { getRows, type Tx } from './store';

const ACTIVE = ['INVITED', 'ACCEPTED'];

export interface CheckContext {
  tx: Tx;
  orgId: string;
  before: SyncDoc | undefined;
}

/**
 * Checks that need other documents (the registry's guards are pure): one active assignment per mission and
 * person, and no overlapping active assignments where the organisation refuses them. Returns an error code.
 */
export async function serverChecks(entityName: string, doc: SyncDoc, ctx: CheckContext): Promise<string | null> {
  if (entityName === 'users') return accountLinkCheck(doc, ctx);
  if (entityName === 'reference' && doc.kind === 'rate_profile') return rateProfileCheck(doc);
  if (entityName === 'field_events') return punchRefusal(doc, ctx);
  if (entityName !== 'assignments' || doc._deleted || !ACTIVE.includes(String(doc.status))) return null;
  const becameActive = !ctx.before || ctx.before._deleted || !ACTIVE.includes(String(ctx.before.status));
  if (!becameActive) return null;
  const others = await ctx.tx<{ id: string; mission_id: string }[]>`
    select id, doc->>'missionId' as mission_id from assignments
    where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'userId' = ${String(doc.userId)}
      and doc->>'status' in ('INVITED', 'ACCEPTED')`;
  if (others.some((o) => o.mission_id === doc.missionId)) return 'DUPLICATE_ASSIGNMENT';
  const settings = await getOrgSettings(ctx.tx, ctx.orgId);
  if (settings.overlapPolicy !== 'REFUSE' || others.length === 0) return null;
  const missions = await getRows(ctx.tx, entityByName('missions')!, ctx.orgId, [String(doc.missionId), ...others.map((o) => o.mission_id)]);
  const mine = missions.get(String(doc.missionId));
  if (!mine || mine.deleted) return null;
  const [start, end] = [Date.parse(String(mine.doc.startAt)), Date.parse(String(mine.doc.endAt))];
  for (const o of others) {
    const m = missions.get(o.mission_id);
    if (!m || m.deleted || m.doc.status === 'CANCELLED') continue;
    if (Date.parse(String(m.doc.startAt)) < end && start < Date.parse(String(m.doc.endAt))) return 'OVERLAP';
  }
  return null;
}

/** A login account is linked to at most one schedulable person of the organisation. */
async function accountLinkCheck(doc: SyncDoc, ctx: CheckContext): Promise<string | null> {
  if (doc._deleted || typeof doc.accountId !== 'string' || doc.accountId === ctx.before?.accountId) return null;
  const rows = await ctx.tx`
    select 1 from users where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'accountId' = ${doc.accountId} limit 1`;
  return rows.length > 0 ? 'ACCOUNT_ALREADY_LINKED' : null;
}
