-- At most one live generated export signing key (docs/decisions/signed-exports.md "The signing key"): two servers
-- creating the first key at once could each read its own (created_at is the time its transaction began, so the
-- one committed later may look older). With this index the second insert does nothing and both read the same key.
-- A database where that race already happened keeps the oldest key live and retires the others (a retired key
-- still verifies what it signed).
update export_keys set retired_at = now()
  where private_pem is not null and retired_at is null
    and id <> (select id from export_keys where private_pem is not null and retired_at is null order by created_at, id limit 1);
create unique index export_keys_one_generated_idx on export_keys ((private_pem is not null))
  where private_pem is not null and retired_at is null;
