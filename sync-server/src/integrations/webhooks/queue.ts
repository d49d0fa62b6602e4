import { renderWebhookBody, type WebhookEvent } from '@coulisses/shared/integrations/webhooks';
import type { Sql } from '../../db/connect';
import { enqueue } from '../../jobs/runner';
import { insertDelivery, type RenderInfo, type TargetRow } from './repo';

/** The job kind of a delivery (key: the delivery id). */
export const WEBHOOK_JOB = 'webhook.deliver';
/**
 * Attempts of a delivery before it is DEAD. With the runner's default delays (5 s doubling, at most 10 min) the
 * last one is about half an hour after the first.
 */
export const WEBHOOK_MAX_ATTEMPTS = 10;

/** Queues the job of a delivery (in the caller's transaction when given one). */
export function enqueueDelivery(sql: Sql, orgId: string, deliveryId: string): Promise<boolean> {
  return enqueue(sql, { kind: WEBHOOK_JOB, key: deliveryId, orgId, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
}

/**
 * Writes an event's delivery to one endpoint, its body rendered in the endpoint's format, and queues its job, in
 * the caller's transaction (a write's tx.sql: nothing exists unless the write commits). Returns the delivery id.
 */
export async function queueDelivery(sql: Sql, target: TargetRow, event: WebhookEvent, org: RenderInfo): Promise<string | null> {
  const body = renderWebhookBody(target.format, event, { locale: org.locale, timeZone: org.timezone, orgName: org.name, telegramChatId: target.telegram_chat_id });
  const id = await insertDelivery(sql, { orgId: event.orgId, endpointId: target.id, eventId: event.id, eventType: event.type, body });
  if (id) await enqueueDelivery(sql, event.orgId, id);
  return id;
}
