-- Mission invitations: the signed, expiring, revocable link a crew member gets for one assignment.
-- The token is <id>.<expiry>.<HMAC>; this row makes it revocable and records the answer.
create table mission_invitations (
  id text primary key,
  org_id text not null references auth_organization (id) on delete cascade,
  assignment_id text not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  created_by text,
  answered_at timestamptz,
  answer text check (answer in ('ACCEPTED', 'DECLINED'))
);
create index mission_invitations_assignment_idx on mission_invitations (org_id, assignment_id);
