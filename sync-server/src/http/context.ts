import type { Logger } from 'pino';
import type { Locale, Role } from '@coulisses/shared';

/** Who is calling: the signed-in account, its active organisation and its role there. */
export interface Caller {
  accountId: string;
  email: string;
  name: string;
  sessionId: string;
  activeOrgId: string | null;
  role: Role | null;
}

/** A caller that passed requireRole: it has an active organisation and a role in it. */
export interface OrgCaller extends Caller {
  activeOrgId: string;
  role: Role;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    locale: Locale;
    caller: Caller | null;
  };
}
