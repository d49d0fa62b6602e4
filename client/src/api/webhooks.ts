import type { WebhookDeliveryStatus, WebhookEventType, WebhookFormat } from '@coulisses/shared/integrations/webhooks';
import { apiRequest } from './http';

/** The webhook routes (ADMIN, docs/api.md "Webhooks"). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  telegramChatId: string | null;
  active: boolean;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  telegramChatId?: string | null;
}

const base = '/api/v1/webhooks';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export async function listWebhooks(): Promise<WebhookEndpoint[]> {
  return (await apiRequest<{ endpoints: WebhookEndpoint[] }>(base)).endpoints;
}

export function createWebhook(input: WebhookInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  return apiRequest(base, { method: 'POST', body: input });
}

export async function updateWebhook(id: string, change: Partial<WebhookInput> & { active?: boolean }): Promise<WebhookEndpoint> {
  return (await apiRequest<{ endpoint: WebhookEndpoint }>(one(id), { method: 'PATCH', body: change })).endpoint;
}

export async function deleteWebhook(id: string): Promise<void> {
  await apiRequest<undefined>(one(id), { method: 'DELETE' });
}

export function listWebhookDeliveries(id: string, before: string | null): Promise<{ deliveries: WebhookDelivery[]; nextBefore: string | null }> {
  return apiRequest(`${one(id)}/deliveries?limit=20${before ? `&before=${encodeURIComponent(before)}` : ''}`);
}

export async function testWebhook(id: string): Promise<WebhookDelivery> {
  return (await apiRequest<{ delivery: WebhookDelivery }>(`${one(id)}/test`, { method: 'POST', body: {} })).delivery;
}

export async function redeliverWebhook(id: string, deliveryId: string): Promise<WebhookDelivery> {
  return (await apiRequest<{ delivery: WebhookDelivery }>(`${one(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST', body: {} })).delivery;
}
