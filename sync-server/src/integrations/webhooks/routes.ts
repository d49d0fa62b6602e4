import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@coulisses/shared';
import { WEBHOOK_PING } from '@coulisses/shared/integrations/webhooks';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../../auth/caller';
import type { Deps } from '../../deps';
import type { Sql } from '../../db/connect';
import type { AppEnv } from '../../http/context';
import { AppError } from '../../http/errors';
import { readJson } from '../../http/validate';
import { enqueueDelivery, queueDelivery } from './queue';
import {
  deliveryById, disableEndpoint, endpointById, insertEndpoint, listDeliveries, listEndpoints, orgRenderInfo, reopenDelivery, updateEndpoint,
  type DeliveryRow, type EndpointInput, type EndpointRow,
} from './repo';
import { DeliveriesQuery, EndpointCreate, EndpointUpdate } from './schemas';
import { assertSendable, urlPolicy, UrlRefused } from './ssrf';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const endpointJson = (e: EndpointRow) => ({
  id: e.id, url: e.url, events: e.events, format: e.format, telegramChatId: e.telegram_chat_id, active: e.active, createdAt: iso(e.created_at)!,
});

export const deliveryJson = (d: DeliveryRow) => ({
  id: d.id, endpointId: d.endpoint_id, eventId: d.event_id, eventType: d.event_type, idempotencyKey: d.idempotency_key, status: d.status,
  attempts: d.attempts, lastResponseCode: d.last_response_code, lastError: d.last_error, durationMs: d.duration_ms, createdAt: iso(d.created_at)!, sentAt: iso(d.sent_at),
});

const Uuid = z.uuid();
function idParam(value: string | undefined, code: 'WEBHOOK_NOT_FOUND' | 'WEBHOOK_DELIVERY_NOT_FOUND'): string {
  const parsed = Uuid.safeParse(value);
  if (!parsed.success) throw new AppError(code);
  return parsed.data;
}

/** The paging cursor of the delivery log: created_at and id of the last delivery of a page. */
const cursorOf = (d: DeliveryRow) => `${iso(d.created_at)}_${d.id}`;
function parseCursor(raw: string | undefined): { at: string; id: string } | null {
  if (!raw) return null;
  const [at, id] = raw.split('_');
  const ms = at ? Date.parse(at) : NaN;
  // Years outside 0-9999 have no ISO form the database reads: refused like any other bad cursor.
  if (!id || Number.isNaN(ms) || ms < -62167219200000 || ms > 253402300799999 || !Uuid.safeParse(id).success) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'before', code: 'custom', message: 'bad cursor' }]);
  }
  // The database is given the instant in ISO form, whatever form Date.parse accepted.
  return { at: new Date(ms).toISOString(), id };
}

/**
 * /api/v1/webhooks (ADMIN of the active organisation, docs/api.md "Webhooks"): endpoints (list, create with the
 * secret shown once, update, delete), an endpoint's delivery log (newest first, paged), a test event and the
 * redelivery of a failed delivery, both through the durable queue.
 */
export function webhookRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  async function checkInput(input: EndpointInput): Promise<EndpointInput> {
    try {
      await assertSendable(input.url, urlPolicy(deps.config));
    } catch (err) {
      if (err instanceof UrlRefused) throw new AppError('WEBHOOK_URL_REFUSED', [{ path: 'url', code: 'custom', message: err.message }]);
      throw err;
    }
    if (input.format === 'telegram' && !input.telegramChatId) throw new AppError('WEBHOOK_TELEGRAM_CHAT_REQUIRED');
    return { ...input, events: [...new Set(input.events)], telegramChatId: input.format === 'telegram' ? input.telegramChatId : null };
  }

  async function endpointOf(orgId: string, raw: string | undefined): Promise<EndpointRow> {
    const e = await endpointById(sql, orgId, idParam(raw, 'WEBHOOK_NOT_FOUND'));
    if (!e) throw new AppError('WEBHOOK_NOT_FOUND');
    return e;
  }

  app.get('/webhooks', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    return c.json({ endpoints: (await listEndpoints(sql, caller.activeOrgId)).map(endpointJson) });
  });

  app.post('/webhooks', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const body = await readJson(c, EndpointCreate);
    const input = await checkInput({ url: body.url, events: body.events, format: body.format, telegramChatId: body.telegramChatId ?? null, active: body.active });
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await insertEndpoint(sql, caller.activeOrgId, input, secret, caller.accountId);
    return c.json({ endpoint: endpointJson(row), secret }, 201);
  });

  app.patch('/webhooks/:id', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const e = await endpointOf(caller.activeOrgId, c.req.param('id'));
    const body = await readJson(c, EndpointUpdate);
    const input = await checkInput({
      url: body.url ?? e.url, events: body.events ?? e.events, format: body.format ?? e.format,
      telegramChatId: body.telegramChatId === undefined ? e.telegram_chat_id : body.telegramChatId, active: body.active ?? e.active,
    });
    const row = await updateEndpoint(sql, caller.activeOrgId, e.id, input);
    if (!row) throw new AppError('WEBHOOK_NOT_FOUND');
    return c.json({ endpoint: endpointJson(row) });
  });

  app.delete('/webhooks/:id', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    if (!(await disableEndpoint(sql, caller.activeOrgId, idParam(c.req.param('id'), 'WEBHOOK_NOT_FOUND')))) throw new AppError('WEBHOOK_NOT_FOUND');
    return c.body(null, 204);
  });

  app.get('/webhooks/:id/deliveries', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const e = await endpointOf(caller.activeOrgId, c.req.param('id'));
    const q = DeliveriesQuery.parse(c.req.query());
    const rows = await listDeliveries(sql, caller.activeOrgId, e.id, q.limit + 1, parseCursor(q.before));
    const page = rows.slice(0, q.limit);
    return c.json({ deliveries: page.map(deliveryJson), nextBefore: rows.length > q.limit ? cursorOf(page[page.length - 1]!) : null });
  });

  app.post('/webhooks/:id/test', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const e = await endpointOf(caller.activeOrgId, c.req.param('id'));
    const orgId = caller.activeOrgId;
    const id = await sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const event = { id: uuidv7(), type: WEBHOOK_PING, createdAt: new Date().toISOString(), orgId, data: { endpointId: e.id } };
      return queueDelivery(tx, e, event, await orgRenderInfo(tx, orgId));
    });
    return c.json({ delivery: deliveryJson((await deliveryById(sql, orgId, id!))!) }, 202);
  });

  app.post('/webhooks/:id/deliveries/:deliveryId/redeliver', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const e = await endpointOf(caller.activeOrgId, c.req.param('id'));
    const deliveryId = idParam(c.req.param('deliveryId'), 'WEBHOOK_DELIVERY_NOT_FOUND');
    const found = await deliveryById(sql, caller.activeOrgId, deliveryId);
    if (!found || found.endpoint_id !== e.id) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND');
    const row = await sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const reopened = await reopenDelivery(tx, caller.activeOrgId, deliveryId);
      if (reopened) await enqueueDelivery(tx, caller.activeOrgId, deliveryId);
      return reopened;
    });
    if (!row) throw new AppError('WEBHOOK_NOT_REDELIVERABLE');
    return c.json({ delivery: deliveryJson(row) }, 202);
  });

  return app;
}
