import { createHmac } from 'node:crypto';
import { signedPayload } from '@coulisses/shared/integrations/webhooks';
import type { Config } from '../../config';
import type { Sql } from '../../db/connect';
import type { Job } from '../../jobs/runner';
import { WEBHOOK_MAX_ATTEMPTS } from './queue';
import { deliveryToSend, recordAttempt, type AttemptResult } from './repo';
import { postOnce } from './post';
import { assertSendable, urlPolicy, UrlRefused, type Lookup } from './ssrf';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookDeps {
  sql: Sql;
  config: Pick<Config, 'env' | 'webhooksAllowPrivate'>;
  /** DNS resolution (the system's by default). */
  lookup?: Lookup;
}

/** The X-Coulisses-Signature header: `t=<unix s>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export function signatureHeader(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(signedPayload(t, body)).digest('hex')}`;
}

/** A delivery attempt failed in a way worth retrying (5xx, 429, network error, timeout). */
export class RetryableDeliveryError extends Error {
  override name = 'RetryableDeliveryError';
}

/**
 * The job of one delivery (kind webhook.deliver): sends its stored body to its endpoint, signed, and records the
 * answer. 2xx: SENT. 5xx, 429, a network error or a timeout: the attempt is recorded and the job throws, so the
 * runner retries it with its growing delay; the last attempt makes the delivery DEAD. Another answer (4xx, 3xx: a
 * redirect is not followed) or a refused address: FAILED, final. A delivery no longer PENDING is not sent again.
 */
export async function deliver(deps: WebhookDeps, job: Job): Promise<void> {
  const id = typeof job.payload.deliveryId === 'string' ? job.payload.deliveryId : job.key;
  const d = await deliveryToSend(deps.sql, id);
  if (!d || d.status !== 'PENDING') return;
  const result: AttemptResult = { status: 'FAILED', responseCode: null, durationMs: 0, error: null };
  if (!d.active || d.disabled) {
    await recordAttempt(deps.sql, d.id, { ...result, error: 'endpoint disabled' });
    return;
  }
  const started = performance.now();
  let retry = false;
  try {
    const policy = urlPolicy(deps.config);
    const url = await assertSendable(d.url, policy, deps.lookup);
    const status = await postOnce(
      url,
      {
        'content-type': 'application/json',
        'user-agent': 'CoulissesCrew-Webhooks/1',
        'x-coulisses-signature': signatureHeader(d.secret, d.body),
        'x-coulisses-event': d.event_type,
        'x-coulisses-event-id': d.event_id,
        'idempotency-key': d.idempotency_key,
      },
      d.body,
      { timeoutMs: WEBHOOK_TIMEOUT_MS, allowPrivate: policy.allowPrivate },
    );
    result.responseCode = status;
    if (status >= 200 && status < 300) result.status = 'SENT';
    else if (status >= 500 || status === 429) retry = true;
  } catch (err) {
    result.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    retry = !(err instanceof UrlRefused);
  }
  result.durationMs = Math.round(performance.now() - started);
  if (retry) result.status = job.attempts >= WEBHOOK_MAX_ATTEMPTS ? 'DEAD' : 'PENDING';
  await recordAttempt(deps.sql, d.id, result);
  if (result.status === 'PENDING') throw new RetryableDeliveryError(result.error ?? `HTTP ${result.responseCode}`);
}
