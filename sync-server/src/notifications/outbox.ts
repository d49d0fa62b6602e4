import { createHash } from 'node:crypto';
import { ESSENTIAL_KINDS, renderMessage, type MessageKind } from '@coulisses/shared/notifications/messages';
import { LOCALES, type Locale } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { enqueue } from '../jobs/runner';
import { insertOutbox, optedOut } from './outbox-repo';
import { unsubscribeToken } from './unsubscribe-token';

export const EMAIL_JOB = 'outbox.email';

export interface EmailRequest {
  kind: MessageKind;
  orgId: string | null;
  orgName?: string | null;
  /** The recipient's account, when they have one (preferences, unsubscribe link). */
  accountId: string | null;
  to: string;
  name?: string | null;
  locale: string | null | undefined;
  vars?: Record<string, string>;
  actionUrl: string;
  secondaryUrl?: string | null;
  /** What makes this message unique (the event): the same key twice queues one message. */
  eventKey: string;
}

export interface OutboxContext {
  baseURL: string;
  secret: string;
  mailFrom: string;
}

export function localeOf(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'fr';
}

/**
 * Queues an email: rendered in the recipient's language, written to the outbox and its send job queued, both on
 * `sql` (the caller's transaction when it has one: the message exists iff the change commits). Returns the row id,
 * or null when the recipient turned this kind off or the same event already queued it.
 */
export async function queueEmail(sql: Sql, ctx: OutboxContext, req: EmailRequest): Promise<string | null> {
  if (req.accountId && !ESSENTIAL_KINDS.has(req.kind) && (await optedOut(sql, req.accountId, req.kind))) return null;
  const locale = localeOf(req.locale);
  const unsubscribeUrl = req.accountId && !ESSENTIAL_KINDS.has(req.kind) ? `${ctx.baseURL}/unsubscribe?token=${unsubscribeToken(ctx.secret, req.accountId, req.kind)}` : null;
  const rendered = renderMessage({
    kind: req.kind,
    locale,
    name: req.name ?? null,
    org: req.orgName ?? null,
    vars: req.vars,
    actionUrl: req.actionUrl,
    secondaryUrl: req.secondaryUrl ?? null,
    unsubscribeUrl,
  });
  const idempotencyKey = `${req.kind}:${req.eventKey}:${req.to.toLowerCase()}`;
  const host = new URL(ctx.baseURL).hostname || 'localhost';
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  const headers: Record<string, string> = { 'X-Coulisses-Kind': req.kind };
  if (unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${ctx.baseURL}/api/v1/notifications/unsubscribe?token=${unsubscribeUrl.split('token=')[1]}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const id = await insertOutbox(sql, {
    orgId: req.orgId,
    kind: req.kind,
    accountId: req.accountId,
    recipient: req.to,
    locale,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: { ...headers, 'Message-ID': `<${digest}@${host}>` },
    idempotencyKey,
  });
  if (!id) return null;
  await enqueue(sql, { kind: EMAIL_JOB, key: id, orgId: req.orgId, payload: { id }, maxAttempts: 8 });
  return id;
}
