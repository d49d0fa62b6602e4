-- Calendar feeds (issue 15, docs/decisions/notifications.md "Calendar feeds (ICS)"): a secret, revocable ICS URL per
-- person (their missions), per team and per organisation. Only the SHA-256 (hex) of the random 32-byte token is
-- kept; GET /ics/<token>.ics looks the hash up. The scope is checked again at each read against the creator's
-- membership (a removed member's feed stops).
create table calendar_feeds (
  id text primary key,
  org_id text not null references auth_organization (id) on delete cascade,
  scope text not null check (scope in ('person', 'team', 'org')),
  -- The person's user id (scope person), the team's reference id (scope team), null for the organisation.
  subject_id text,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_by text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((scope = 'org') = (subject_id is null))
);
create index calendar_feeds_org on calendar_feeds (org_id, created_at desc);
