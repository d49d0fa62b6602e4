import { apiRequest } from './http';
import type { Me } from './types';

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/api/v1/me');
}

/** Switches the active organisation; answers the new /me. */
export function switchActiveOrg(orgId: string): Promise<Me> {
  return apiRequest<Me>('/api/v1/me/active-org', { method: 'PUT', body: { orgId } });
}
