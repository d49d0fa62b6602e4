-- Analytics (issue 13, docs/data-model.md "Analytics slices"): pay slices are read by ADMIN and the accounts the
-- organisation's setting names (shared/src/entities/analytics.ts `read`).
create index analytics_slices_sensitive_idx on analytics_slices (org_id, (doc->>'sensitive')) where not deleted;
create index analytics_slices_readers_idx on analytics_slices using gin ((doc->'readerAccountIds'));
