import { betterAuth } from 'better-auth';
import { organization, twoFactor } from 'better-auth/plugins';
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import type { Logger } from 'pino';
import type { Sql } from '../db/connect';
import { ac, orgRoles } from './access';
import { CLIENT_IP_HEADER } from './client-ip';

export const DEFAULT_TIMEZONE = 'Europe/Paris';
const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export interface AuthOptions {
  sql: Sql;
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  rateLimit: boolean;
  logger: Logger;
  /** Called with the accept link of every invitation created (queues the invitation email). */
  onInvitation: (info: InvitationInfo) => Promise<void>;
  /** Queues the password reset email (better-auth's link; the app's page picks the token up). */
  onPasswordReset: (info: { accountId: string; email: string; name: string; url: string }) => Promise<void>;
  /** Queues the email verification message of a new account signed up over HTTP. */
  onVerificationEmail: (info: { accountId: string; email: string; name: string; url: string }) => Promise<void>;
}

export interface InvitationInfo {
  id: string;
  orgId: string;
  email: string;
  role: string;
  orgName: string;
  inviterName: string;
  inviterAccountId: string;
  expiresAt: Date;
  link: string;
}

/** Password reset links live one hour; a reset signs every other session of the account out. */
export const RESET_TOKEN_TTL_SECONDS = 3600;

/**
 * better-auth with our table names (auth_*: in the domain glossary an auth_user is an *account*, the login
 * identity; a schedulable *user* is a domain table), the organization plugin with ADMIN/MANAGER/TECH and the
 * two-factor plugin. Every query goes through the one postgres.js pool via Kysely.
 */
export function createAuth(opts: AuthOptions) {
  const db = new Kysely({ dialect: new PostgresJSDialect({ postgres: opts.sql }) });
  return betterAuth({
    appName: 'Coulisses Crew',
    baseURL: opts.baseURL,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: opts.trustedOrigins,
    telemetry: { enabled: false },
    database: { db, type: 'postgres' },
    user: { modelName: 'auth_user' },
    session: {
      modelName: 'auth_session',
      expiresIn: 30 * 24 * 3600,
      updateAge: 24 * 3600,
    },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_TOKEN_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await opts.onPasswordReset({ accountId: user.id, email: user.email, name: user.name, url });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 3600,
      // Accounts made by the server itself (the demo seed) have no request: no message.
      sendVerificationEmail: async ({ user, url }, request) => {
        if (request) await opts.onVerificationEmail({ accountId: user.id, email: user.email, name: user.name, url });
      },
    },
    // In the database, so several instances share the counts (docs/runbooks/email.md).
    rateLimit: {
      enabled: opts.rateLimit,
      storage: 'database',
      modelName: 'auth_rate_limit',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
        '/request-password-reset': { window: 900, max: 5 },
        '/reset-password': { window: 900, max: 10 },
        '/send-verification-email': { window: 900, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: 'cc',
      useSecureCookies: opts.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    logger: {
      level: 'warn',
      log: (level, message) => opts.logger[level]({ component: 'auth' }, message),
    },
    databaseHooks: {
      session: {
        create: {
          // A new session starts in the account's first organisation, so the app opens on real data.
          before: async (session) => {
            const rows = await opts.sql<{ organizationId: string }[]>`
              select "organizationId" from auth_member where "userId" = ${session.userId}
              order by "createdAt" asc limit 1`;
            const first = rows[0];
            return { data: { ...session, activeOrganizationId: first?.organizationId ?? null } };
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles: orgRoles,
        creatorRole: 'ADMIN',
        allowUserToCreateOrganization: true,
        invitationExpiresIn: INVITATION_TTL_SECONDS,
        cancelPendingInvitationsOnReInvite: true,
        schema: {
          organization: {
            modelName: 'auth_organization',
            additionalFields: {
              timezone: { type: 'string', required: false, defaultValue: DEFAULT_TIMEZONE, input: true },
            },
          },
          member: { modelName: 'auth_member' },
          invitation: { modelName: 'auth_invitation' },
        },
        sendInvitationEmail: async (data) => {
          await opts.onInvitation({
            id: data.id,
            orgId: data.organization.id,
            email: data.email,
            role: data.role,
            orgName: data.organization.name,
            inviterName: data.inviter.user.name,
            inviterAccountId: data.inviter.user.id,
            expiresAt: new Date(data.invitation.expiresAt),
            link: `${opts.baseURL}/invite/${data.id}`,
          });
        },
      }),
      twoFactor({ issuer: 'Coulisses Crew', schema: { twoFactor: { modelName: 'auth_two_factor' } } }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
