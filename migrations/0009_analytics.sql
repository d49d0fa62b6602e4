-- Analytics (issue 13, docs/data-model.md "Analytics slices"): pay slices are read by ADMIN and the accounts the
-- organisation's setting names (shared/src/entities/analytics.ts `read`).
create index analytics_slices_sensitive_idx on analytics_slices (org_id, (doc->>'sensitive')) where not deleted;
create index analytics_slices_readers_idx on analytics_slices using gin ((doc->'readerAccountIds'));

-- Job runner (sync-server/src/jobs, docs/runbooks/analytics.md): durable jobs every server instance may run; a job
-- is claimed with `for update skip locked` and a lease (locked_until), so two instances never run it at once. At
-- most one queued (not yet claimed, not dead) job per (kind, key): a burst of enqueues makes one job.
create table jobs (
  id bigserial primary key,
  org_id text references auth_organization (id) on delete cascade,
  kind text not null check (length(kind) between 1 and 80),
  key text not null check (length(key) between 1 and 200),
  payload jsonb not null default '{}'::jsonb,
  run_after timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 5 check (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  dead_at timestamptz
);
create unique index jobs_queued_key_idx on jobs (kind, key) where locked_by is null and dead_at is null;
create index jobs_due_idx on jobs (run_after) where dead_at is null;

-- Analytics warehouse (docs/data-model.md "Analytics warehouse and slices"): rows recomputed per organisation and
-- month (YYYY-MM in the organisation's zone) from the stored documents by sync-server/src/analytics/refresh.ts.
-- Months a write changed, waiting for the refresh job ('*': every month, e.g. a rate profile changed).
create table analytics_dirty (
  org_id text not null references auth_organization (id) on delete cascade,
  month text not null check (month = '*' or month ~ '^\d{4}-\d{2}$'),
  marked_at timestamptz not null default clock_timestamp(),
  primary key (org_id, month)
);

-- One row per mission and role need (role '' : assignments of no listed role, or a mission without needs).
create table analytics_mission_events (
  org_id text not null references auth_organization (id) on delete cascade,
  month text not null,
  mission_id text not null,
  role text not null,
  row_data jsonb not null,
  primary key (org_id, month, mission_id, role)
);

-- One row per person and mission, and per timesheet without mission (HR data: hours per person). cost_cents: pay.
create table analytics_hours (
  org_id text not null references auth_organization (id) on delete cascade,
  month text not null,
  row_key text not null,
  user_id text not null,
  mission_id text,
  row_data jsonb not null,
  cost_cents bigint not null default 0,
  primary key (org_id, month, row_key)
);
create index analytics_hours_user_idx on analytics_hours (org_id, user_id);

-- Pay (sensitive): per person and month, the gross amount of the monthly payroll and the paid minutes it spreads over.
create table analytics_payroll_records (
  org_id text not null references auth_organization (id) on delete cascade,
  month text not null,
  user_id text not null,
  gross_cents bigint not null,
  paid_minutes int not null,
  primary key (org_id, month, user_id)
);

create table analytics_equipment_incidents (
  org_id text not null references auth_organization (id) on delete cascade,
  month text not null,
  incident_id text not null,
  item_id text,
  row_data jsonb not null,
  primary key (org_id, month, incident_id)
);
create index analytics_equipment_incidents_item_idx on analytics_equipment_incidents (org_id, item_id);

-- Each refresh: when it ran, the newest mark it included (the measured delay is finished_at - source_up_to).
create table analytics_refresh_log (
  id bigserial primary key,
  org_id text not null references auth_organization (id) on delete cascade,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  source_up_to timestamptz,
  months text[] not null,
  rows int not null
);
create index analytics_refresh_log_org_idx on analytics_refresh_log (org_id, finished_at desc);
