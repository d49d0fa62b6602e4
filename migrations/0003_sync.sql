-- Sync core: the per-organisation change sequence and one table per registry entity (shared/src/entities).
-- Every entity table has the same sync columns; the document itself is `doc` (the entity's zod schema,
-- validated by the server before any write). See docs/sync-protocol.md for the checkpoint method.

-- seq: the last change number of the organisation. A writer locks this row, takes the next numbers and
-- commits before the next writer can take any, so changes become visible in seq order (no skipped change).
-- purged_seq: tombstones at or below it were purged; a checkpoint older than that must resync.
create table org_sync_state (
  org_id text primary key references auth_organization (id) on delete cascade,
  last_seq bigint not null default 0,
  purged_seq bigint not null default 0
);

create table reference (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index reference_org_seq_idx on reference (org_id, seq);

create table users (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index users_org_seq_idx on users (org_id, seq);

create table projects (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index projects_org_seq_idx on projects (org_id, seq);

create table missions (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index missions_org_seq_idx on missions (org_id, seq);

create table assignments (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index assignments_org_seq_idx on assignments (org_id, seq);

create table availabilities (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index availabilities_org_seq_idx on availabilities (org_id, seq);

create table field_events (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index field_events_org_seq_idx on field_events (org_id, seq);

create table timesheets (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index timesheets_org_seq_idx on timesheets (org_id, seq);

create table kpi_values (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index kpi_values_org_seq_idx on kpi_values (org_id, seq);

create table action_plans (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index action_plans_org_seq_idx on action_plans (org_id, seq);

create table analytics_slices (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index analytics_slices_org_seq_idx on analytics_slices (org_id, seq);

create table conflicts (
  org_id text not null references auth_organization (id) on delete cascade,
  id text not null check (length(id) between 1 and 40),
  seq bigint not null,
  deleted boolean not null default false,
  doc jsonb not null check (jsonb_typeof(doc) = 'object' and doc->>'id' = id),
  server_updated_at timestamptz not null default now(),
  updated_by text,
  primary key (org_id, id)
);
create index conflicts_org_seq_idx on conflicts (org_id, seq);

-- Lookups the server makes while deciding: a TECH's assignments, a KPI value by its unique key.
create index assignments_user_idx on assignments (org_id, (doc->>'userId')) where not deleted;
create index users_account_idx on users (org_id, (doc->>'accountId')) where not deleted;
create unique index kpi_values_key_uq on kpi_values (org_id, (doc->>'kpiId'), (doc->>'periodStart')) where not deleted;
