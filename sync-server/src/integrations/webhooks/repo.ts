import { LOCALES, type Locale } from '@coulisses/shared';
import type { WebhookDeliveryStatus, WebhookFormat } from '@coulisses/shared/integrations/webhooks';
import type { Sql } from '../../db/connect';

/** The SQL of webhooks (migrations/0017_webhooks.sql). */

export interface EndpointRow {
  id: string;
  org_id: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  telegram_chat_id: string | null;
  active: boolean;
  created_by: string | null;
  created_at: Date;
}

/** What the emission hooks need of an endpoint (no secret). */
export type TargetRow = Pick<EndpointRow, 'id' | 'events' | 'format' | 'telegram_chat_id'>;


/** The organisation's active endpoints (one query per writing transaction that makes an event). */
export function activeTargets(sql: Sql, orgId: string): Promise<TargetRow[]> {
  return sql<TargetRow[]>`
    select id::text as id, events, format, telegram_chat_id from webhook_endpoints
    where org_id = ${orgId} and active and disabled_at is null`;
}

export function listEndpoints(sql: Sql, orgId: string): Promise<EndpointRow[]> {
  return sql<EndpointRow[]>`select id::text as id, org_id, url, events, format, telegram_chat_id, active, created_by, created_at from webhook_endpoints where org_id = ${orgId} and disabled_at is null order by created_at, id`;
}

export async function endpointById(sql: Sql, orgId: string, id: string): Promise<EndpointRow | undefined> {
  const [row] = await sql<EndpointRow[]>`select id::text as id, org_id, url, events, format, telegram_chat_id, active, created_by, created_at from webhook_endpoints where org_id = ${orgId} and id = ${id} and disabled_at is null`;
  return row;
}

export interface EndpointInput {
  url: string;
  events: string[];
  format: WebhookFormat;
  telegramChatId: string | null;
  active: boolean;
}

export async function insertEndpoint(sql: Sql, orgId: string, input: EndpointInput, secret: string, createdBy: string | null): Promise<EndpointRow> {
  const [row] = await sql<EndpointRow[]>`
    insert into webhook_endpoints (org_id, url, events, format, secret, telegram_chat_id, active, created_by)
    values (${orgId}, ${input.url}, ${input.events}::text[], ${input.format}, ${secret}, ${input.telegramChatId}, ${input.active}, ${createdBy})
    returning id::text as id, org_id, url, events, format, telegram_chat_id, active, created_by, created_at`;
  return row!;
}

export async function updateEndpoint(sql: Sql, orgId: string, id: string, input: EndpointInput): Promise<EndpointRow | undefined> {
  const [row] = await sql<EndpointRow[]>`
    update webhook_endpoints set url = ${input.url}, events = ${input.events}::text[], format = ${input.format},
      telegram_chat_id = ${input.telegramChatId}, active = ${input.active}
    where org_id = ${orgId} and id = ${id} and disabled_at is null
    returning id::text as id, org_id, url, events, format, telegram_chat_id, active, created_by, created_at`;
  return row;
}

/** Deletes an endpoint for the admin: hidden and never sent to again; its deliveries stay. */
export async function disableEndpoint(sql: Sql, orgId: string, id: string): Promise<boolean> {
  const rows = await sql`update webhook_endpoints set disabled_at = now(), active = false where org_id = ${orgId} and id = ${id} and disabled_at is null returning id`;
  return rows.length > 0;
}

export interface RenderInfo {
  name: string;
  timezone: string;
  locale: Locale;
}

/** Name, zone and language of an organisation (its metadata's `locale`; French by default). */
export async function orgRenderInfo(sql: Sql, orgId: string): Promise<RenderInfo> {
  const [org] = await sql<{ name: string; timezone: string | null; metadata: string | null }[]>`select name, timezone, metadata from auth_organization where id = ${orgId}`;
  let locale: Locale = 'fr';
  try {
    const meta = org?.metadata ? (JSON.parse(org.metadata) as { locale?: unknown }) : null;
    if ((LOCALES as readonly unknown[]).includes(meta?.locale)) locale = meta!.locale as Locale;
  } catch {
    // Metadata that is not JSON: the default language.
  }
  return { name: org?.name ?? '', timezone: org?.timezone || 'Europe/Paris', locale };
}

export interface DeliveryInput {
  orgId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  body: string;
}

/** Inserts a delivery (one per event and endpoint: the idempotency key); returns its id, or null when it exists. */
export async function insertDelivery(sql: Sql, d: DeliveryInput): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    insert into webhook_deliveries (org_id, endpoint_id, event_id, event_type, idempotency_key, body)
    values (${d.orgId}, ${d.endpointId}, ${d.eventId}, ${d.eventType}, ${`${d.eventId}:${d.endpointId}`}, ${d.body})
    on conflict (idempotency_key) do nothing
    returning id::text as id`;
  return row?.id ?? null;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  idempotency_key: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_response_code: number | null;
  last_error: string | null;
  duration_ms: number | null;
  created_at: Date;
  sent_at: Date | null;
}


/** An endpoint's deliveries, newest first, `limit` after the cursor (the created_at and id of the last one seen). */
export function listDeliveries(sql: Sql, orgId: string, endpointId: string, limit: number, before: { at: string; id: string } | null): Promise<DeliveryRow[]> {
  return before
    ? sql<DeliveryRow[]>`
        select id::text as id, endpoint_id::text as endpoint_id, event_id::text as event_id, event_type, idempotency_key, status, attempts, last_response_code, last_error, duration_ms, created_at, sent_at from webhook_deliveries
        where org_id = ${orgId} and endpoint_id = ${endpointId} and (created_at, id) < (${before.at}::timestamptz, ${before.id}::uuid)
        order by created_at desc, id desc limit ${limit}`
    : sql<DeliveryRow[]>`
        select id::text as id, endpoint_id::text as endpoint_id, event_id::text as event_id, event_type, idempotency_key, status, attempts, last_response_code, last_error, duration_ms, created_at, sent_at from webhook_deliveries
        where org_id = ${orgId} and endpoint_id = ${endpointId}
        order by created_at desc, id desc limit ${limit}`;
}

export async function deliveryById(sql: Sql, orgId: string, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await sql<DeliveryRow[]>`select id::text as id, endpoint_id::text as endpoint_id, event_id::text as event_id, event_type, idempotency_key, status, attempts, last_response_code, last_error, duration_ms, created_at, sent_at from webhook_deliveries where org_id = ${orgId} and id = ${id}`;
  return row;
}

/** A FAILED or DEAD delivery queued again (PENDING); undefined when it is not one. */
export async function reopenDelivery(sql: Sql, orgId: string, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await sql<DeliveryRow[]>`
    update webhook_deliveries set status = 'PENDING', sent_at = null
    where org_id = ${orgId} and id = ${id} and status in ('FAILED', 'DEAD')
    returning id::text as id, endpoint_id::text as endpoint_id, event_id::text as event_id, event_type, idempotency_key, status, attempts, last_response_code, last_error, duration_ms, created_at, sent_at`;
  return row;
}

/** What the delivery job needs: the delivery, its body and its endpoint's address and secret. */
export interface SendRow {
  id: string;
  org_id: string;
  event_id: string;
  event_type: string;
  idempotency_key: string;
  body: string;
  status: WebhookDeliveryStatus;
  url: string;
  secret: string;
  active: boolean;
  disabled: boolean;
}

export async function deliveryToSend(sql: Sql, id: string): Promise<SendRow | undefined> {
  const [row] = await sql<SendRow[]>`
    select d.id::text as id, d.org_id, d.event_id::text as event_id, d.event_type, d.idempotency_key, d.body, d.status,
      e.url, e.secret, e.active, (e.disabled_at is not null) as disabled
    from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
    where d.id = ${id}`;
  return row;
}

export interface AttemptResult {
  status: WebhookDeliveryStatus;
  responseCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Records one attempt and the delivery's new state in one transaction (SENT with its answer). */
export async function recordAttempt(sql: Sql, deliveryId: string, r: AttemptResult): Promise<void> {
  const error = r.error ? r.error.slice(0, 1000) : null;
  await sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    await tx`
      update webhook_deliveries set status = ${r.status}, attempts = attempts + 1, last_response_code = ${r.responseCode},
        last_error = ${error}, duration_ms = ${r.durationMs}, sent_at = case when ${r.status} = 'SENT' then now() else sent_at end
      where id = ${deliveryId}`;
    await tx`
      insert into webhook_attempts (delivery_id, attempt, response_code, duration_ms, error)
      select id, attempts, ${r.responseCode}, ${r.durationMs}, ${error} from webhook_deliveries where id = ${deliveryId}`;
  });
}
