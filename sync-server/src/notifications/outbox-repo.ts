import type { Sql } from '../db/connect';

/** The SQL of the email outbox (migrations/0015_outbox.sql). */

export interface OutboxInsert {
  orgId: string | null;
  kind: string;
  accountId: string | null;
  recipient: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  idempotencyKey: string;
}

export interface OutboxRow {
  id: string;
  org_id: string | null;
  kind: string;
  account_id: string | null;
  recipient: string;
  locale: string;
  subject: string;
  body_text: string;
  body_html: string;
  headers: Record<string, string>;
  idempotency_key: string;
  status: 'PENDING' | 'SENT' | 'DEAD';
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** Inserts a message unless one with this idempotency key exists; returns the new row's id (undefined: a duplicate). */
export async function insertOutbox(sql: Sql, m: OutboxInsert): Promise<string | undefined> {
  const rows = await sql<{ id: string }[]>`
    insert into outbox_messages (org_id, kind, account_id, recipient, locale, subject, body_text, body_html, headers, idempotency_key)
    values (${m.orgId}, ${m.kind}, ${m.accountId}, ${m.recipient}, ${m.locale}, ${m.subject}, ${m.text}, ${m.html},
      ${sql.json(m.headers)}, ${m.idempotencyKey})
    on conflict (idempotency_key) do nothing
    returning id::text as id`;
  return rows[0]?.id;
}

export async function getOutbox(sql: Sql, id: string): Promise<OutboxRow | undefined> {
  const [row] = await sql<OutboxRow[]>`select id::text as id, org_id, kind, account_id, recipient, locale, subject, body_text, body_html, headers,
      idempotency_key, status, attempts, last_error, created_at, sent_at
    from outbox_messages where id = ${id}`;
  return row;
}

/** Sent: recorded once (a second send of the same row, after a crash, changes nothing). */
export async function markSent(sql: Sql, id: string): Promise<void> {
  await sql`update outbox_messages set status = 'SENT', sent_at = coalesce(sent_at, now()), attempts = attempts + 1, last_error = null
    where id = ${id} and status <> 'SENT'`;
}

/** A failed attempt: its error, and DEAD after the last one. */
export async function markFailed(sql: Sql, id: string, error: string, dead: boolean): Promise<void> {
  await sql`update outbox_messages set attempts = attempts + 1, last_error = ${error.slice(0, 2000)},
      status = case when ${dead} then 'DEAD' else status end
    where id = ${id} and status <> 'SENT'`;
}

/** "Send again" of a dead message: pending again (the caller queues its job in the same transaction). */
export async function revive(sql: Sql, orgId: string, id: string): Promise<boolean> {
  const rows = await sql`update outbox_messages set status = 'PENDING', last_error = null
    where id = ${id} and org_id = ${orgId} and status = 'DEAD' returning id`;
  return rows.length > 0;
}

export interface OutboxListItem {
  id: string;
  kind: string;
  recipient: string;
  locale: string;
  subject: string;
  body_text: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** An organisation's messages, newest first, keyset-paged by (created_at, id). */
export async function listOutbox(sql: Sql, orgId: string, opts: { status?: string; before?: { at: Date; id: string }; limit: number }): Promise<OutboxListItem[]> {
  return sql<OutboxListItem[]>`
    select id::text as id, kind, recipient, locale, subject, body_text, status, attempts, last_error, created_at, sent_at
    from outbox_messages
    where org_id = ${orgId}
      ${opts.status ? sql`and status = ${opts.status}` : sql``}
      ${opts.before ? sql`and (created_at, id) < (${opts.before.at}, ${opts.before.id}::uuid)` : sql``}
    order by created_at desc, id desc
    limit ${opts.limit}`;
}

/** Whether this account turned this kind of message off. */
export async function optedOut(sql: Sql, accountId: string, kind: string): Promise<boolean> {
  const rows = await sql`select 1 from notification_preferences where account_id = ${accountId} and kind = ${kind} and channel = 'none'`;
  return rows.length > 0;
}

export async function listPreferences(sql: Sql, accountId: string): Promise<Map<string, 'email' | 'none'>> {
  const rows = await sql<{ kind: string; channel: 'email' | 'none' }[]>`select kind, channel from notification_preferences where account_id = ${accountId}`;
  return new Map(rows.map((r) => [r.kind, r.channel]));
}

export async function setPreference(sql: Sql, accountId: string, kind: string, channel: 'email' | 'none'): Promise<void> {
  await sql`insert into notification_preferences (account_id, kind, channel) values (${accountId}, ${kind}, ${channel})
    on conflict (account_id, kind) do update set channel = excluded.channel, updated_at = now()`;
}

/** An account's email, name and language (the recipient of a message about them). */
export async function accountContact(sql: Sql, accountId: string): Promise<{ email: string; name: string; locale: string } | undefined> {
  const [row] = await sql<{ email: string; name: string; locale: string }[]>`select email, name, locale from auth_user where id = ${accountId}`;
  return row;
}

export async function setAccountLocale(sql: Sql, accountId: string, locale: string): Promise<void> {
  await sql`update auth_user set locale = ${locale} where id = ${accountId} and locale <> ${locale}`;
}

/** Messages of this kind queued to this address within the last `seconds`. */
export async function recentCount(sql: Sql, kind: string, recipient: string, seconds: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from outbox_messages
    where kind = ${kind} and lower(recipient) = lower(${recipient}) and created_at > now() - make_interval(secs => ${seconds})`;
  return row?.n ?? 0;
}
