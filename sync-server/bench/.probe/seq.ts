import postgres from 'postgres';
const sql = postgres('postgres://postgres@127.0.0.1:5432/test', { max: 1, onnotice: () => {} });
await sql`create temp table s (org_id text primary key, last_seq bigint not null default 0)`;
await sql`insert into s values ('o', 0)`;
for (const n of [100, 500, 1000, 2000]) {
  const t = performance.now();
  await sql.begin(async (tx) => { await tx`select * from s where org_id = 'o' for update`; for (let i = 0; i < n; i++) await tx`update s set last_seq = last_seq + 1 where org_id = 'o' returning last_seq`; });
  const el = performance.now() - t;
  console.log('updates in one tx', n, 'ms', el.toFixed(0), 'per update us', (el / n * 1000).toFixed(0));
}
for (const n of [100, 500, 1000, 2000]) {
  const t = performance.now();
  await sql.begin(async (tx) => { for (let i = 0; i < n; i++) await tx`select 1`; });
  const el = performance.now() - t;
  console.log('select 1 in one tx', n, 'per query us', (el / n * 1000).toFixed(0));
}
await sql.end();
