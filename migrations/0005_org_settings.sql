-- Planning settings of an organisation: its convention profile (working-time limits), whether the 12 h daily
-- maximum applies by agreement, what to do with an overlapping assignment, whether availability needs approval.
create table org_settings (
  org_id text primary key references auth_organization (id) on delete cascade,
  convention text not null default 'LIVE_PERFORMANCE' check (convention in ('GENERAL', 'LIVE_PERFORMANCE')),
  agreement_daily_12h boolean not null default false,
  overlap_policy text not null default 'WARN' check (overlap_policy in ('WARN', 'REFUSE')),
  availability_approval boolean not null default true,
  updated_at timestamptz not null default now()
);
