import { z } from 'zod';

/** Planning settings of an organisation (defaults apply until an ADMIN changes them). */
export const OrgSettingsSchema = z
  .object({
    convention: z.enum(['GENERAL', 'LIVE_PERFORMANCE']),
    agreementDaily12h: z.boolean(),
    overlapPolicy: z.enum(['WARN', 'REFUSE']),
    availabilityApproval: z.boolean(),
  })
  .strict();

export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  convention: 'LIVE_PERFORMANCE',
  agreementDaily12h: false,
  overlapPolicy: 'WARN',
  availabilityApproval: true,
};
