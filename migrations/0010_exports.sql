-- Signed exports (issue 13, docs/decisions/signed-exports.md). The server's Ed25519 signing keys: one in use
-- (retired_at null, the oldest), older ones kept to verify what they signed. private_pem is null for a key that
-- comes from the environment (EXPORT_SIGNING_KEY): its secret is never stored.
create table export_keys (
  id text primary key,
  public_pem text not null,
  private_pem text,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

-- The exports register: one row per exported file (CSV, PNG, PDF), signed at once or, for a file made offline,
-- when the device is back online. sha256 is the hash of the file with its seal set to the filler.
create table analytics_exports (
  id text primary key,
  org_id text not null,
  format text not null check (format in ('csv', 'png', 'pdf')),
  view_id text not null,
  file_name text not null,
  sha256 text not null,
  filters jsonb not null default '{}'::jsonb,
  project_id text,
  exported_by_account text not null,
  exported_by_user text,
  exported_at timestamptz not null,
  created_offline boolean not null default false,
  signed_at timestamptz not null default now(),
  key_id text not null references export_keys (id),
  signature text not null
);
create index analytics_exports_org_idx on analytics_exports (org_id, exported_at desc);
