-- Automatic KPI refresh on the job runner (docs/decisions/kpi-rules.md "Refresh"): when each organisation's last
-- `kpi.auto-refresh` job started, so a data change queues the next one no sooner than a minute after it (the cap
-- holds across server instances, since every instance reads this row in the writing transaction).
create table kpi_auto_refresh (
  org_id text primary key references auth_organization (id) on delete cascade,
  last_run_at timestamptz not null
);
