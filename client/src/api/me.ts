import { apiRequest } from './http';
import type { Me } from './types';

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/api/v1/me');
}

/** GET /api/v1/me/session: who is signed in, or null; answered 200 either way (no failed request when signed out). */
export async function fetchSession(): Promise<Me | null> {
  const body = await apiRequest<{ signedIn: boolean; me?: Me }>('/api/v1/me/session');
  return body.signedIn && body.me ? body.me : null;
}

/** Switches the active organisation; answers the new /me. */
export function switchActiveOrg(orgId: string): Promise<Me> {
  return apiRequest<Me>('/api/v1/me/active-org', { method: 'PUT', body: { orgId } });
}
