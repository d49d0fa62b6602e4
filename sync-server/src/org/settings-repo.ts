import { TIMECLOCK_SETTING_KEYS, withDefaults, type OrgSettings } from '@coulisses/shared';
import type { Sql } from '../db/connect';

interface Row {
  convention: OrgSettings['convention'];
  agreement_daily_12h: boolean;
  overlap_policy: OrgSettings['overlapPolicy'];
  availability_approval: boolean;
  timeclock: Record<string, unknown> | null;
}

/** An organisation's settings, defaults filled in (planning fields in columns, time clock fields in one JSON column). */
export async function getOrgSettings(sql: Sql, orgId: string): Promise<OrgSettings> {
  const [row] = await sql<Row[]>`
    select convention, agreement_daily_12h, overlap_policy, availability_approval, timeclock from org_settings where org_id = ${orgId}`;
  if (!row) return withDefaults({});
  return withDefaults({
    ...(row.timeclock ?? {}),
    convention: row.convention,
    agreementDaily12h: row.agreement_daily_12h,
    overlapPolicy: row.overlap_policy,
    availabilityApproval: row.availability_approval,
  });
}

export async function updateOrgSettingsRow(sql: Sql, orgId: string, patch: Partial<OrgSettings>): Promise<OrgSettings> {
  const next = withDefaults({ ...(await getOrgSettings(sql, orgId)), ...patch });
  const timeclock = Object.fromEntries(TIMECLOCK_SETTING_KEYS.map((k) => [k, next[k]]));
  await sql`
    insert into org_settings (org_id, convention, agreement_daily_12h, overlap_policy, availability_approval, timeclock, updated_at)
    values (${orgId}, ${next.convention}, ${next.agreementDaily12h}, ${next.overlapPolicy}, ${next.availabilityApproval}, ${sql.json(timeclock as never)}, now())
    on conflict (org_id) do update set convention = excluded.convention, agreement_daily_12h = excluded.agreement_daily_12h,
      overlap_policy = excluded.overlap_policy, availability_approval = excluded.availability_approval,
      timeclock = excluded.timeclock, updated_at = now()`;
  return next;
}

const SETTINGS = Symbol('org settings');

/**
 * The organisation's settings as a sync transaction's hooks read them: once per transaction (settings are not
 * synced documents, so no write of the transaction changes them).
 */
export function settingsInTx(tx: { sql: Sql; orgId: string; state<T>(key: unknown, init: () => T): T }): Promise<OrgSettings> {
  return tx.state(SETTINGS, () => getOrgSettings(tx.sql, tx.orgId));
}
