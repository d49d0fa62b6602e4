import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { AuthOptions } from '../auth/auth';
import type { Sql } from '../db/connect';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { localeOf, queueEmail, type OutboxContext } from './outbox';
import { recentCount } from './outbox-repo';

/** Reset messages to one address within 15 minutes, beyond which requests are answered alike and send nothing. */
const RESETS_PER_ADDRESS = 3;

export interface AuthMailDeps extends OutboxContext {
  sql: Sql;
  logger: Logger;
  /** No SMTP server: secret links (reset, verification) go to the server log, never to an admin page. */
  hasMailer: boolean;
}

/** better-auth's email callbacks (auth.ts): each queues one outbox message. */
export function authMail(deps: AuthMailDeps): Pick<AuthOptions, 'onInvitation' | 'onPasswordReset' | 'onVerificationEmail'> {
  const { sql } = deps;
  const keyOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 32);
  const localeOfAccount = async (accountId: string) => (await sql<{ locale: string }[]>`select locale from auth_user where id = ${accountId}`)[0]?.locale;
  return {
    async onInvitation(info) {
      const [existing] = await sql<{ id: string; name: string; locale: string }[]>`select id, name, locale from auth_user where lower(email) = lower(${info.email})`;
      const locale = existing?.locale ?? (await localeOfAccount(info.inviterAccountId));
      const [org] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${info.orgId}`;
      await queueEmail(sql, deps, {
        kind: 'org-invitation',
        orgId: info.orgId,
        orgName: info.orgName,
        accountId: existing?.id ?? null,
        to: info.email,
        name: existing?.name ?? null,
        locale,
        vars: { inviter: info.inviterName, role: info.role, expiresAt: formatInZone(localeOf(locale), info.expiresAt.toISOString(), org?.timezone) },
        actionUrl: info.link,
        eventKey: info.id,
      });
    },
    async onPasswordReset(info) {
      if ((await recentCount(sql, 'password-reset', info.email, 15 * 60)) >= RESETS_PER_ADDRESS) {
        deps.logger.warn({ kind: 'password-reset' }, 'password reset not sent: too many requests for this address');
        return;
      }
      await queueEmail(sql, deps, { kind: 'password-reset', orgId: null, accountId: info.accountId, to: info.email, name: info.name, locale: await localeOfAccount(info.accountId), actionUrl: info.url, eventKey: keyOf(info.url) });
      if (!deps.hasMailer) deps.logger.info({ link: info.url }, 'password reset link (no SMTP_URL: the email stays in the outbox)');
    },
    async onVerificationEmail(info) {
      await queueEmail(sql, deps, { kind: 'email-verification', orgId: null, accountId: info.accountId, to: info.email, name: info.name, locale: await localeOfAccount(info.accountId), actionUrl: info.url, eventKey: keyOf(info.url) });
      if (!deps.hasMailer) deps.logger.info({ link: info.url }, 'email verification link (no SMTP_URL: the email stays in the outbox)');
    },
  };
}
