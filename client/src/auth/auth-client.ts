import { createAuthClient } from 'better-auth/react';
import { organizationClient, twoFactorClient } from 'better-auth/client/plugins';
import { getCurrentLocale } from '../i18n/current-locale';

/** better-auth on the same origin (the dev server proxies /api to the sync-server). */
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  plugins: [organizationClient(), twoFactorClient()],
  fetchOptions: {
    credentials: 'same-origin',
    onRequest(context) {
      context.headers.set('Accept-Language', getCurrentLocale());
    },
  },
});
