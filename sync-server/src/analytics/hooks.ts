import type { DomainHooks } from '../sync/hooks';

/**
 * Analytics (issue 13): writes that change what the warehouse holds mark the organisation's months dirty and queue
 * a warehouse refresh job, inside the writing transaction.
 */
export const analyticsHooks: DomainHooks = {
  domain: 'analytics',
  entities: {},
};
