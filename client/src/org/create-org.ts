import { extractError } from '../api/extract-error';
import { switchActiveOrg } from '../api/me';
import type { Me } from '../api/types';
import { authClient } from '../auth/auth-client';
import { slugWithSuffix, slugify } from './slug';

const SLUG_TAKEN = new Set(['ORGANIZATION_ALREADY_EXISTS', 'ORGANIZATION_SLUG_ALREADY_TAKEN', 'SLUG_IS_TAKEN', 'CONFLICT']);

/**
 * Creates an organisation through better-auth (the creator becomes ADMIN), retrying once with a
 * suffixed slug when the plain one is taken, then makes it the active organisation.
 */
export async function createOrganisation(name: string): Promise<Me> {
  let result = await authClient.organization.create({ name, slug: slugify(name) });
  if (result.error && SLUG_TAKEN.has(extractError(result.error).code ?? '')) {
    result = await authClient.organization.create({ name, slug: slugWithSuffix(name) });
  }
  if (result.error) throw result.error;
  if (!result.data) throw new Error('organization.create answered no data');
  return switchActiveOrg(result.data.id);
}
