-- Read scopes compiled to SQL, and scope exits (docs/sync-protocol.md, "Read scope").

-- A scope exit: a document left the read scope of some viewers (its status changed, the assignment that made
-- it readable was cancelled...). `atom` names who lost it (r:<ROLE> every viewer of a role, u:<userId> one
-- person, a:<accountId> one account, d:<deviceId> one device); `doc` is the last state those viewers could read.
-- A pull or a stream of such a viewer whose checkpoint is older than `seq` receives the document as deleted,
-- so that every replica equals a fresh replica of the same viewer. Purged with the tombstones.
create table sync_exits (
  org_id text not null references auth_organization (id) on delete cascade,
  entity text not null,
  id text not null,
  seq bigint not null,
  atom text not null,
  doc jsonb not null check (jsonb_typeof(doc) = 'object'),
  created_at timestamptz not null default now()
);
create index sync_exits_doc_idx on sync_exits (org_id, entity, id, seq);
create index sync_exits_age_idx on sync_exits (created_at);

-- The fields the registry's read conditions test (shared/src/entities/*.ts `read`), for counts and facts.
-- assignments (org_id, userId) and users (org_id, accountId) exist since 0003.
create index reference_kind_idx on reference (org_id, (doc->>'kind')) where not deleted;
create index projects_status_idx on projects (org_id, (doc->>'status')) where not deleted;
create index missions_status_idx on missions (org_id, (doc->>'status')) where not deleted;
create index availabilities_user_idx on availabilities (org_id, (doc->>'userId')) where not deleted;
create index field_events_user_idx on field_events (org_id, (doc->>'userId')) where not deleted;
create index field_events_kind_idx on field_events (org_id, (doc->>'kind')) where not deleted;
create index timesheets_user_idx on timesheets (org_id, (doc->>'userId')) where not deleted;
create index action_plans_owner_idx on action_plans (org_id, (doc->>'ownerUserId')) where not deleted;
create index conflicts_actors_idx on conflicts using gin ((doc->'actorAccountIds'));
