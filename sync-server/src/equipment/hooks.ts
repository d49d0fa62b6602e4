import type { DomainHooks } from '../sync/hooks';

/** Equipment (issue 13): catalogue, reservations on missions (double bookings), incidents. */
export const equipmentHooks: DomainHooks = {
  domain: 'equipment',
  entities: {},
};
