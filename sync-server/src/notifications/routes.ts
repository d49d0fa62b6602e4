import { Hono } from 'hono';
import { z } from 'zod';
import { LOCALES } from '@coulisses/shared';
import { ESSENTIAL_KINDS, MESSAGE_KINDS, isMessageKind } from '@coulisses/shared/notifications/messages';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { requireAccount, requireRole } from '../auth/caller';
import { enqueue } from '../jobs/runner';
import { EMAIL_JOB } from './outbox';
import { accountContact, listOutbox, listPreferences, revive, setAccountLocale, setPreference } from './outbox-repo';
import { readUnsubscribeToken } from './unsubscribe-token';

const OUTBOX_STATUS = z.enum(['PENDING', 'SENT', 'DEAD']);
export const OutboxListQuery = z.object({
  status: OUTBOX_STATUS.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .refine((v) => !Number.isNaN(Date.parse(v.split('|')[0]!)), 'BAD_CURSOR')
    .optional(),
});
const Uuid = z.string().uuid();
const Channel = z.enum(['email', 'none']);
export const PreferencesBody = z
  .object({
    locale: z.enum(LOCALES).optional(),
    preferences: z.partialRecord(z.enum(MESSAGE_KINDS), Channel).optional(),
  })
  .strict();
const Token = z.string().min(1).max(400);

/**
 * Notifications over REST (docs/api.md "Notifications"): the organisation's outbox for its admins (every message
 * with its links, dead letters and "send again"), each account's preferences, and the unsubscribe link of a message.
 */
export function notificationRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.get('/notifications/outbox', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const q = OutboxListQuery.parse(c.req.query());
    const before = q.before ? { at: new Date(q.before.split('|')[0]!), id: q.before.split('|')[1]! } : undefined;
    const rows = await listOutbox(sql, caller.activeOrgId, { status: q.status, before, limit: q.limit });
    const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
    return c.json({
      smtp: deps.config.smtpUrl !== undefined,
      messages: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        recipient: r.recipient,
        locale: r.locale,
        subject: r.subject,
        text: r.body_text,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
      })),
      next: last ? `${last.created_at.toISOString()}|${last.id}` : null,
    });
  });

  /** A dead message queued again (same row, same Message-ID). */
  app.post('/notifications/outbox/:id/resend', async (c) => {
    const caller = requireRole(c, ['ADMIN']);
    const id = Uuid.safeParse(c.req.param('id'));
    if (!id.success) throw new AppError('NOT_FOUND');
    const done = await sql.begin(async (tx) => {
      if (!(await revive(tx as never, caller.activeOrgId, id.data))) return false;
      await enqueue(tx as never, { kind: EMAIL_JOB, key: id.data, orgId: caller.activeOrgId, payload: { id: id.data }, maxAttempts: 8 });
      return true;
    });
    if (!done) throw new AppError('OUTBOX_NOT_DEAD', undefined, 409);
    return c.json({ id: id.data, status: 'PENDING' });
  });

  app.get('/me/notifications', async (c) => {
    const caller = requireAccount(c);
    return c.json(await preferencesBody(caller.accountId));
  });

  app.put('/me/notifications', async (c) => {
    const caller = requireAccount(c);
    const body = await readJson(c, PreferencesBody);
    for (const [kind, channel] of Object.entries(body.preferences ?? {})) {
      if (ESSENTIAL_KINDS.has(kind as never) && channel === 'none') throw new AppError('NOTIFICATION_ESSENTIAL', { kind }, 400);
    }
    await sql.begin(async (tx) => {
      if (body.locale) await setAccountLocale(tx as never, caller.accountId, body.locale);
      for (const [kind, channel] of Object.entries(body.preferences ?? {})) await setPreference(tx as never, caller.accountId, kind, channel as 'email' | 'none');
    });
    return c.json(await preferencesBody(caller.accountId));
  });

  /**
   * One-click unsubscribe (RFC 8058: the List-Unsubscribe-Post of a message, or the app's /unsubscribe page): no
   * session, the signed token names the account and the kind. Answering twice gives the same answer.
   */
  app.post('/notifications/unsubscribe', async (c) => {
    const token = Token.safeParse(c.req.query('token'));
    const read = token.success ? readUnsubscribeToken(deps.secret, token.data) : null;
    if (!read || !isMessageKind(read.kind) || ESSENTIAL_KINDS.has(read.kind)) throw new AppError('UNSUBSCRIBE_INVALID', undefined, 400);
    if (!(await accountContact(sql, read.accountId))) throw new AppError('UNSUBSCRIBE_INVALID', undefined, 400);
    await setPreference(sql, read.accountId, read.kind, 'none');
    return c.json({ kind: read.kind, channel: 'none' });
  });

  async function preferencesBody(accountId: string) {
    const prefs = await listPreferences(sql, accountId);
    const contact = await accountContact(sql, accountId);
    return {
      locale: contact?.locale ?? 'fr',
      preferences: MESSAGE_KINDS.map((kind) => ({ kind, channel: ESSENTIAL_KINDS.has(kind) ? 'email' : (prefs.get(kind) ?? 'email'), essential: ESSENTIAL_KINDS.has(kind) })),
    };
  }

  return app;
}
