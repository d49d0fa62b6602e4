import type { Sql } from '../../db/connect';

/** SQL of the export signing keys and the exports register (migrations/0010_exports.sql). */

export interface KeyRow {
  id: string;
  public_pem: string;
  private_pem: string | null;
}

/**
 * Stores a key; a known id, or a second live generated key (migration 0013 allows one), is left as it is: the
 * caller reads back the key in force.
 */
export async function insertKey(sql: Sql, k: { id: string; publicPem: string; privatePem: string | null }): Promise<void> {
  await sql`insert into export_keys (id, public_pem, private_pem) values (${k.id}, ${k.publicPem}, ${k.privatePem}) on conflict do nothing`;
}

/** The key in use: the oldest one not retired that has its private part stored. */
export async function currentKey(sql: Sql): Promise<KeyRow | undefined> {
  const rows = await sql<KeyRow[]>`
    select id, public_pem, private_pem from export_keys where retired_at is null and private_pem is not null order by created_at, id limit 1`;
  return rows[0];
}

export async function keyById(sql: Sql, id: string): Promise<KeyRow | undefined> {
  const rows = await sql<KeyRow[]>`select id, public_pem, private_pem from export_keys where id = ${id}`;
  return rows[0];
}

export interface ExportRow {
  id: string;
  org_id: string;
  format: string;
  view_id: string;
  file_name: string;
  sha256: string;
  filters: Record<string, string | null>;
  project_id: string | null;
  exported_by_account: string;
  exported_by_user: string | null;
  exported_at_ms: string;
  created_offline: boolean;
  signed_at_ms: string;
  key_id: string;
  signature: string;
  source: 'DEVICE' | 'SERVER';
  org_name: string | null;
  org_timezone: string | null;
  account_name: string | null;
  project_name: string | null;
}

export interface NewExport {
  id: string;
  orgId: string;
  format: string;
  viewId: string;
  fileName: string;
  sha256: string;
  filters: Record<string, string | null>;
  projectId: string | null;
  accountId: string;
  userId: string | null;
  exportedAt: string;
  createdOffline: boolean;
  keyId: string;
  signature: string;
  /** SERVER when the server computed the figures and built the file (migrations/0012_exports_source.sql). */
  source?: 'DEVICE' | 'SERVER';
}

/** Registers an export; false when the id is already taken (the caller reads the existing row). */
export async function insertExport(sql: Sql, e: NewExport): Promise<boolean> {
  const rows = await sql`
    insert into analytics_exports (id, org_id, format, view_id, file_name, sha256, filters, project_id, exported_by_account,
      exported_by_user, exported_at, created_offline, key_id, signature, source)
    values (${e.id}, ${e.orgId}, ${e.format}, ${e.viewId}, ${e.fileName}, ${e.sha256}, ${sql.json(e.filters)}, ${e.projectId},
      ${e.accountId}, ${e.userId}, ${e.exportedAt}, ${e.createdOffline}, ${e.keyId}, ${e.signature}, ${e.source ?? 'DEVICE'})
    on conflict (id) do nothing returning id`;
  return rows.length === 1;
}

/** One register entry with the names the verify answer shows (organisation, exporting account, project). */
export async function exportById(sql: Sql, id: string): Promise<ExportRow | undefined> {
  const rows = await sql<ExportRow[]>`
    select e.id, e.org_id, e.format, e.view_id, e.file_name, e.sha256, e.filters, e.project_id, e.exported_by_account,
      e.exported_by_user, (extract(epoch from e.exported_at) * 1000)::text as exported_at_ms, e.created_offline,
      (extract(epoch from e.signed_at) * 1000)::text as signed_at_ms, e.key_id, e.signature, e.source,
      o.name as org_name, o.timezone as org_timezone, u.name as account_name, p.doc->>'name' as project_name
    from analytics_exports e
    left join auth_organization o on o.id = e.org_id
    left join auth_user u on u.id = e.exported_by_account
    left join projects p on p.org_id = e.org_id and p.id = e.project_id
    where e.id = ${id}`;
  return rows[0];
}

/** What a server-made export names: the organisation (name, zone), the exporting account's name, and the names of
 * the organisation's projects and reference documents (venues, teams), for the filters and tables. */
export interface ExportNames {
  orgName: string;
  orgTimezone: string | null;
  accountName: string;
  projects: Map<string, string>;
  reference: Map<string, string>;
}

export async function exportNames(sql: Sql, orgId: string, accountId: string): Promise<ExportNames> {
  const [org] = await sql<{ name: string; timezone: string | null }[]>`select name, timezone from auth_organization where id = ${orgId}`;
  const [account] = await sql<{ name: string }[]>`select name from auth_user where id = ${accountId}`;
  const projects = await sql<{ id: string; name: string | null }[]>`select id, doc->>'name' as name from projects where org_id = ${orgId} and not deleted`;
  const reference = await sql<{ id: string; name: string | null }[]>`select id, doc->>'name' as name from reference where org_id = ${orgId} and not deleted`;
  const named = (rows: { id: string; name: string | null }[]) => new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name as string]));
  return { orgName: org?.name ?? orgId, orgTimezone: org?.timezone ?? null, accountName: account?.name ?? accountId, projects: named(projects), reference: named(reference) };
}
