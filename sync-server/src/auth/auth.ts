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
  /** Called with the accept link of every invitation created; email sending comes later. */
  onInvitation: (info: { id: string; email: string; role: string; orgName: string; link: string }) => void;
}

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
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    rateLimit: {
      enabled: opts.rateLimit,
      storage: 'memory',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
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
          opts.onInvitation({
            id: data.id,
            email: data.email,
            role: data.role,
            orgName: data.organization.name,
            link: `${opts.baseURL}/invite/${data.id}`,
          });
        },
      }),
      twoFactor({ issuer: 'Coulisses Crew', schema: { twoFactor: { modelName: 'auth_two_factor' } } }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
