import type { RouteGroup } from '../../http/openapi';
import { named } from '../../http/openapi';
import { DeliveriesQuery, DeliveryAnswer, DeliveryPage, EndpointAnswer, EndpointCreate, EndpointCreated, EndpointList, EndpointUpdate } from './schemas';

const id = { id: 'The endpoint id' };
const ROLES = 'ADMIN';
const DELIVERY_ANSWER = named('WebhookDeliveryAnswer', DeliveryAnswer);

/** The webhook routes for the OpenAPI document (docs/api.md "Webhooks", docs/runbooks/webhooks.md). */
export const webhookApiGroups: RouteGroup[] = [
  {
    tag: 'Webhooks',
    description:
      'Endpoints an organisation admin registers for events (mission published, changed, cancelled; assignment answered; timesheet validated; punch flagged; KPI turned red), in JSON, Slack or Telegram format. Deliveries are signed (X-Coulisses-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, t + "." + body)>), carry an Idempotency-Key, and are retried with backoff from a durable queue.',
    routes: [
      {
        method: 'get', path: '/webhooks', operationId: 'listWebhooks', summary: 'List webhook endpoints', tag: 'Webhooks', roles: ROLES,
        responses: [{ status: 200, description: 'The endpoints of the organisation (never their secrets)', schema: named('WebhookEndpointList', EndpointList) }],
        errors: [401, 403],
      },
      {
        method: 'post', path: '/webhooks', operationId: 'createWebhook', summary: 'Register a webhook endpoint', tag: 'Webhooks', roles: ROLES,
        description: 'The URL is checked (https, public address: WEBHOOK_URL_REFUSED); the telegram format needs telegramChatId (WEBHOOK_TELEGRAM_CHAT_REQUIRED). The answer holds the signing secret, shown this once.',
        body: named('WebhookEndpointCreate', EndpointCreate),
        responses: [{ status: 201, description: 'The endpoint and its secret', schema: named('WebhookEndpointCreated', EndpointCreated) }],
        errors: [400, 401, 403, 415],
      },
      {
        method: 'patch', path: '/webhooks/:id', operationId: 'updateWebhook', summary: 'Change a webhook endpoint', tag: 'Webhooks', roles: ROLES, params: id,
        description: 'URL, events, format, Telegram chat id, active (enable or disable). The secret does not change.',
        body: named('WebhookEndpointUpdate', EndpointUpdate),
        responses: [{ status: 200, description: 'The endpoint', schema: named('WebhookEndpointAnswer', EndpointAnswer) }],
        errors: [400, 401, 403, 404, 415],
      },
      {
        method: 'delete', path: '/webhooks/:id', operationId: 'deleteWebhook', summary: 'Delete a webhook endpoint', tag: 'Webhooks', roles: ROLES, params: id,
        description: 'Nothing is sent to it any more, pending deliveries included; its delivery log is kept.',
        responses: [{ status: 204, description: 'Deleted' }],
        errors: [401, 403, 404],
      },
      {
        method: 'get', path: '/webhooks/:id/deliveries', operationId: 'listWebhookDeliveries', summary: 'Delivery log of an endpoint', tag: 'Webhooks', roles: ROLES, params: id,
        description: 'Newest first; `before` is the nextBefore of the previous page.',
        query: DeliveriesQuery,
        responses: [{ status: 200, description: 'A page of deliveries', schema: named('WebhookDeliveryPage', DeliveryPage) }],
        errors: [400, 401, 403, 404],
      },
      {
        method: 'post', path: '/webhooks/:id/test', operationId: 'testWebhook', summary: 'Send a test event', tag: 'Webhooks', roles: ROLES, params: id,
        description: "Queues a 'ping' delivery to the endpoint through the same queue, signature and retries as the events.",
        responses: [{ status: 202, description: 'The queued delivery', schema: DELIVERY_ANSWER }],
        errors: [401, 403, 404],
      },
      {
        method: 'post', path: '/webhooks/:id/deliveries/:deliveryId/redeliver', operationId: 'redeliverWebhook', summary: 'Send a failed delivery again', tag: 'Webhooks', roles: ROLES,
        params: { ...id, deliveryId: 'The delivery id' },
        description: 'A FAILED or DEAD delivery is queued again with the same body and Idempotency-Key (WEBHOOK_NOT_REDELIVERABLE otherwise).',
        responses: [{ status: 202, description: 'The queued delivery', schema: DELIVERY_ANSWER }],
        errors: [401, 403, 404, 409],
      },
    ],
  },
];
