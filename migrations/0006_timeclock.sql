-- Time clock: settings, schema version 1 of field_events and timesheets, kiosks, personal PINs, punch photos.

-- Time clock settings (night window, rounding, geofence, repeated taps, clock skew) as one JSON column;
-- missing keys take the defaults of shared/src/org/settings.ts.
alter table org_settings add column timeclock jsonb not null default '{}'::jsonb;

-- Registry version 1: field events carry the server's flags and the device's clock skew; timesheets carry
-- their source and the minutes the shared time rules computed. Same upgrade as the registry's `upgrades`.
update field_events set doc = doc || '{"flags": [], "clockSkewMs": null}'::jsonb where not (doc ? 'flags');
update timesheets set doc = '{"source": "MANUAL", "workedMinutes": 0, "paidMinutes": 0, "roundedMinutes": 0, "nightMinutes": 0, "plannedMinutes": null, "anomalies": [], "punchIds": []}'::jsonb || doc
  where not (doc ? 'source');

-- The punches of one device, in chain order, for the tamper-evidence report.
create index field_events_device_chain on field_events (org_id, (doc->>'deviceId'), ((doc->'payload'->>'seq')::bigint))
  where doc->>'kind' = 'PUNCH';

-- A tablet enrolled by a manager as a time clock for one venue. The device keeps the token; the server keeps
-- its SHA-256 only. A revoked kiosk can no longer read its roster nor push.
create table kiosks (
  id text primary key,
  org_id text not null references auth_organization (id) on delete cascade,
  venue_id text not null,
  name text not null check (length(name) between 1 and 120),
  token_hash text not null unique,
  created_by text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by text,
  last_seen_at timestamptz
);
create index kiosks_org on kiosks (org_id);

-- A person's kiosk PIN: PBKDF2-SHA256 with a per-person salt (never the PIN itself). Kiosks receive the salt
-- and hash to check a PIN offline; failures are counted per person and lock the PIN at the limit until a
-- manager unlocks it or a new PIN is set.
create table user_pins (
  org_id text not null references auth_organization (id) on delete cascade,
  user_id text not null,
  salt text not null,
  hash text not null,
  iterations integer not null check (iterations >= 1000),
  failed_count integer not null default 0,
  locked_at timestamptz,
  updated_at timestamptz not null default now(),
  -- The QR code a person shows at a kiosk: the kiosk stores only its SHA-256.
  qr_hash text,
  primary key (org_id, user_id)
);

-- The small JPEG taken with a punch (with consent), uploaded after the punch; its SHA-256 is in the punch's
-- chained payload, so the photo cannot be swapped.
create table punch_photos (
  org_id text not null references auth_organization (id) on delete cascade,
  event_id text not null,
  sha256 text not null,
  content_type text not null check (content_type = 'image/jpeg'),
  bytes bytea not null check (octet_length(bytes) <= 262144),
  created_at timestamptz not null default now(),
  primary key (org_id, event_id)
);
