import { z } from 'zod';
import { MESSAGE_KINDS } from '@coulisses/shared/notifications/messages';
import type { RouteGroup } from '../http/openapi';
import { named } from '../http/openapi';
import { OutboxListQuery, PreferencesBody } from './routes';

const Status = z.enum(['PENDING', 'SENT', 'DEAD']);
const OutboxMessage = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  recipient: z.string(),
  locale: z.string(),
  subject: z.string(),
  text: z.string().meta({ description: 'The plain-text body, with its links' }),
  status: Status,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const OutboxPage = z.object({
  smtp: z.boolean().meta({ description: 'Whether an SMTP server is configured (false: messages stay PENDING here)' }),
  messages: z.array(OutboxMessage),
  next: z.string().nullable().meta({ description: 'The `before` value of the next page, null at the end' }),
});
const Preferences = z.object({
  locale: z.enum(['fr', 'en']),
  preferences: z.array(z.object({ kind: z.enum(MESSAGE_KINDS), channel: z.enum(['email', 'none']), essential: z.boolean() })),
});
const Token = z.object({ token: z.string().meta({ description: 'The signed token of the message unsubscribe link' }) });

/** The notification routes for the OpenAPI document (docs/api.md "Notifications"). */
export const notificationApiGroups: RouteGroup[] = [
  {
    tag: 'Notifications',
    description: 'Emails go through a durable outbox (docs/decisions/notifications.md): written with the change that causes them, sent by a job with retries, dead after 8 failed attempts. Password reset and email verification are better-auth routes under /api/auth (request-password-reset, reset-password, verify-email).',
    routes: [
      {
        method: 'get',
        path: '/notifications/outbox',
        operationId: 'listOutbox',
        summary: 'The organisation outbox',
        description: 'The emails of the active organisation, newest first, with their state, attempts and last error. Password reset and verification messages (secret links, no organisation) are never listed.',
        tag: 'Notifications',
        roles: 'ADMIN',
        query: OutboxListQuery,
        responses: [{ status: 200, description: 'A page of messages', schema: named('OutboxPage', OutboxPage) }],
        errors: [400, 401, 403],
      },
      {
        method: 'post',
        path: '/notifications/outbox/:id/resend',
        operationId: 'resendOutbox',
        summary: 'Send a dead message again',
        description: 'A DEAD message becomes PENDING and its send job is queued again (same Message-ID).',
        tag: 'Notifications',
        roles: 'ADMIN',
        params: { id: 'The message id' },
        responses: [{ status: 200, description: 'Queued again', schema: z.object({ id: z.string(), status: Status }) }],
        errors: [401, 403, 404, 409],
      },
      {
        method: 'get',
        path: '/me/notifications',
        operationId: 'getNotificationPreferences',
        summary: 'My notification preferences',
        description: 'The language of my emails and, per kind of message, email or none (essential kinds are always sent).',
        tag: 'Notifications',
        roles: 'any signed-in account',
        responses: [{ status: 200, description: 'The preferences', schema: named('NotificationPreferences', Preferences) }],
        errors: [401],
      },
      {
        method: 'put',
        path: '/me/notifications',
        operationId: 'setNotificationPreferences',
        summary: 'Change my notification preferences',
        description: 'Sets the language of my emails and the channel of the kinds given; an essential kind cannot be turned off (400 NOTIFICATION_ESSENTIAL).',
        tag: 'Notifications',
        roles: 'any signed-in account',
        body: PreferencesBody,
        responses: [{ status: 200, description: 'The preferences', schema: named('NotificationPreferences', Preferences) }],
        errors: [400, 401],
      },
      {
        method: 'post',
        path: '/notifications/unsubscribe',
        operationId: 'unsubscribe',
        summary: 'One-click unsubscribe (RFC 8058)',
        description: 'No session: the signed token of a message (its List-Unsubscribe header or the /unsubscribe page) turns that kind of message off for its account. Answering twice gives the same answer.',
        tag: 'Notifications',
        roles: 'public (signed token)',
        query: Token,
        responses: [{ status: 200, description: 'Turned off', schema: z.object({ kind: z.enum(MESSAGE_KINDS), channel: z.literal('none') }) }],
        errors: [400],
      },
    ],
  },
];
