import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '@coulisses/shared/integrations/webhooks';
import { z } from 'zod';

/** The bodies and answers of the webhook routes (routes.ts validates with these; api-doc.ts documents them). */
const TelegramChatId = z.string().regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/).meta({ description: 'Telegram chat id (number) or @channel name; required for the telegram format' });

export const EndpointCreate = z
  .object({
    url: z.string().min(1).max(2000).meta({ description: 'https URL (http and private addresses only when WEBHOOKS_ALLOW_PRIVATE is on; http in development)' }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
    format: z.enum(WEBHOOK_FORMATS).default('json'),
    telegramChatId: TelegramChatId.nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();

export const EndpointUpdate = z
  .object({
    url: z.string().min(1).max(2000).optional(),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length).optional(),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    telegramChatId: TelegramChatId.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const DeliveriesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.string().max(100).optional().meta({ description: 'The nextBefore of the previous page' }),
  })
  .strict();

export const Endpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  format: z.enum(WEBHOOK_FORMATS),
  telegramChatId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const EndpointCreated = z.object({
  endpoint: Endpoint,
  secret: z.string().meta({ description: 'The signing secret, shown this once' }),
});

export const Delivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastResponseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const DeliveryPage = z.object({ deliveries: z.array(Delivery), nextBefore: z.string().nullable() });
export const EndpointList = z.object({ endpoints: z.array(Endpoint) });
export const EndpointAnswer = z.object({ endpoint: Endpoint });
export const DeliveryAnswer = z.object({ delivery: Delivery });
