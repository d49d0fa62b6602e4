-- Server-made exports (issue 13, docs/decisions/signed-exports.md): who computed the figures of a registered file.
-- DEVICE: the device built the file from its local data and the server signed its hash (every export before this
-- migration). SERVER: the server computed the figures itself (POST /api/v1/analytics/exports without a hash) and
-- built, signed and registered the file.
alter table analytics_exports add column source text not null default 'DEVICE' check (source in ('DEVICE', 'SERVER'));
