-- Organisation settings and the audit log.

alter table auth_organization alter column timezone set default 'Europe/Paris';
update auth_organization set timezone = 'Europe/Paris' where timezone is null;
alter table auth_organization alter column timezone set not null;

-- One membership per account and organisation.
create unique index auth_member_org_user_uq on auth_member ("organizationId", "userId");

-- Who did what, when, in which organisation. Append-only: the app never updates or deletes a row.
create table audit_log (
  id bigserial primary key,
  org_id text references auth_organization (id) on delete cascade,
  actor_account_id text,
  action text not null,
  entity text not null,
  entity_id text,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_org_created_idx on audit_log (org_id, created_at desc);
