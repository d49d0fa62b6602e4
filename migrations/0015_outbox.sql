-- Notifications (issue 15, docs/decisions/notifications.md): the durable outbox of emails. A row is written in
-- the transaction of the change that causes it and sent by a job of the runner (kind 'outbox.email', key = row id),
-- so a rollback sends nothing and a crash after the commit still sends. The rendered message is stored: the admin
-- page shows it (with its links) when no SMTP server is configured.
create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  org_id text references auth_organization (id) on delete cascade,
  kind text not null,
  account_id text,
  recipient text not null,
  locale text not null default 'fr',
  subject text not null,
  body_text text not null,
  body_html text not null,
  headers jsonb not null default '{}'::jsonb,
  idempotency_key text not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'DEAD')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create unique index outbox_messages_key_idx on outbox_messages (idempotency_key);
create index outbox_messages_org_idx on outbox_messages (org_id, created_at desc);
create index outbox_messages_pending_idx on outbox_messages (created_at) where status = 'PENDING';

-- Per account and message kind: 'email' (default when absent) or 'none'.
create table notification_preferences (
  account_id text not null,
  kind text not null,
  channel text not null check (channel in ('email', 'none')),
  updated_at timestamptz not null default now(),
  primary key (account_id, kind)
);

-- The language of an account's messages (the app's language on its last choice; French by default).
alter table auth_user add column if not exists locale text not null default 'fr';

-- better-auth's rate limits in the database (storage 'database'), so several instances share one count.
create table auth_rate_limit (
  "id" text not null primary key,
  "key" text not null unique,
  "count" integer not null,
  "lastRequest" bigint not null
);
