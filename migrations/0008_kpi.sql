-- KPI management (issue 12, docs/data-model.md "KPI documents"): new kinds of documents in the existing tables.

-- action_plans version 1 holds comments too (kind 'comment'): every earlier document is an action.
update action_plans set doc = doc || '{"kind":"action"}'::jsonb where not (doc ? 'kind');

-- The fields the KPI read conditions test (shared/src/entities/org.ts and kpi.ts `read`), and the fact
-- readableKpiIds (reference.readerUserIds holds the person).
create index reference_sharing_idx on reference (org_id, (doc->>'sharing')) where not deleted;
create index reference_shared_all_idx on reference (org_id, (doc->>'sharedWithAll')) where not deleted;
create index reference_owner_idx on reference (org_id, (doc->>'ownerUserId')) where not deleted;
create index reference_readers_idx on reference using gin ((doc->'readerUserIds'));
create index kpi_values_kpi_idx on kpi_values (org_id, (doc->>'kpiId')) where not deleted;
create index kpi_values_shared_all_idx on kpi_values (org_id, (doc->>'sharedWithAll')) where not deleted;
create index action_plans_kind_idx on action_plans (org_id, (doc->>'kind')) where not deleted;
create index action_plans_kpi_idx on action_plans (org_id, (doc->>'kpiId')) where not deleted;
create index action_plans_shared_all_idx on action_plans (org_id, (doc->>'sharedWithAll')) where not deleted;
