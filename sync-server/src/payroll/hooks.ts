import { RateProfileDataSchema } from '@coulisses/shared/payroll/index';
import type { DomainHooks } from '../sync/hooks';

/** Payroll: a reference document of kind 'rate_profile' must carry valid RateProfileData. */
export const payrollHooks: DomainHooks = {
  domain: 'payroll',
  entities: {
    reference: {
      check: (doc) => (doc._deleted || doc.kind !== 'rate_profile' || RateProfileDataSchema.safeParse(doc.data).success ? null : 'INVALID_RATE_PROFILE'),
    },
  },
};
