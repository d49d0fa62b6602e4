import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '@coulisses/shared';
import type { Sql } from '../db/connect';

interface Row {
  convention: OrgSettings['convention'];
  agreement_daily_12h: boolean;
  overlap_policy: OrgSettings['overlapPolicy'];
  availability_approval: boolean;
}

export async function getOrgSettings(sql: Sql, orgId: string): Promise<OrgSettings> {
  const [row] = await sql<Row[]>`select convention, agreement_daily_12h, overlap_policy, availability_approval from org_settings where org_id = ${orgId}`;
  if (!row) return { ...DEFAULT_ORG_SETTINGS };
  return { convention: row.convention, agreementDaily12h: row.agreement_daily_12h, overlapPolicy: row.overlap_policy, availabilityApproval: row.availability_approval };
}

export async function updateOrgSettingsRow(sql: Sql, orgId: string, patch: Partial<OrgSettings>): Promise<OrgSettings> {
  const next = { ...(await getOrgSettings(sql, orgId)), ...patch };
  await sql`
    insert into org_settings (org_id, convention, agreement_daily_12h, overlap_policy, availability_approval, updated_at)
    values (${orgId}, ${next.convention}, ${next.agreementDaily12h}, ${next.overlapPolicy}, ${next.availabilityApproval}, now())
    on conflict (org_id) do update set convention = excluded.convention, agreement_daily_12h = excluded.agreement_daily_12h,
      overlap_policy = excluded.overlap_policy, availability_approval = excluded.availability_approval, updated_at = now()`;
  return next;
}
