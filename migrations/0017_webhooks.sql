-- Webhooks (issue 15, docs/decisions/notifications.md "Webhooks", docs/runbooks/webhooks.md): endpoints registered
-- by organisation admins, and their deliveries. A delivery row is the outbox row: written in the transaction of the
-- change that causes it (with its job of the runner, kind 'webhook.deliver', key = delivery id), so a rollback
-- sends nothing and a crash after the commit still sends. Its body is stored as sent (the signed bytes).
create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  org_id text not null references auth_organization (id) on delete cascade,
  url text not null,
  events text[] not null,
  format text not null default 'json' check (format in ('json', 'slack', 'telegram')),
  -- The signing secret (HMAC-SHA256). Kept to sign; the API shows it once, at creation.
  secret text not null,
  telegram_chat_id text,
  active boolean not null default true,
  created_by text,
  created_at timestamptz not null default now(),
  -- Deleted by an admin: hidden, never sent to again; its deliveries stay in the log.
  disabled_at timestamptz
);
create index webhook_endpoints_org_idx on webhook_endpoints (org_id) where disabled_at is null;

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id text not null references auth_organization (id) on delete cascade,
  endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
  event_id uuid not null,
  event_type text not null,
  -- event id + ':' + endpoint id: one delivery per event and endpoint; sent as the Idempotency-Key header.
  idempotency_key text not null,
  body text not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD')),
  attempts integer not null default 0,
  last_response_code integer,
  last_error text,
  duration_ms integer,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create unique index webhook_deliveries_key_idx on webhook_deliveries (idempotency_key);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc, id desc);

-- One row per attempt (the delivery log's detail).
create table webhook_attempts (
  id bigserial primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  response_code integer,
  duration_ms integer not null,
  error text,
  at timestamptz not null default now()
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);
