import { analyticsHooks } from './analytics/hooks';
import { equipmentHooks } from './equipment/hooks';
import { webhookHooks } from './integrations/webhooks/hooks';
import { kpiHooks } from './kpi/hooks';
import { notificationHooks } from './notifications/hooks';
import { orgHooks } from './org/hooks';
import { payrollHooks } from './payroll/hooks';
import { planningHooks } from './planning/hooks';
import { HookRegistry, type DomainHooks } from './sync/hooks';
import { timeclockHooks } from './timeclock/hooks';

/**
 * Every domain's sync hooks, registered in one place (as Actual Budget's loot-core registers each domain's
 * handlers): the sync core calls them and imports no domain. A new domain adds its module here.
 */
export const DOMAIN_HOOKS: readonly DomainHooks[] = [orgHooks, planningHooks, timeclockHooks, payrollHooks, kpiHooks, equipmentHooks, analyticsHooks, notificationHooks, webhookHooks];

export function domainHooks(): HookRegistry {
  return new HookRegistry(DOMAIN_HOOKS);
}
