import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { WEBHOOK_ENTITIES, webhookData, webhookEventsOf } from '@coulisses/shared/integrations/webhooks';
import type { DomainHooks, EntityHooks, HookContext } from '../../sync/hooks';
import { queueDelivery } from './queue';
import { activeTargets, orgRenderInfo, type RenderInfo, type TargetRow } from './repo';

/**
 * Webhooks (issue 15): a stored write that makes an event (shared/src/integrations/webhooks.ts webhookEventsOf:
 * a mission published, changed or cancelled, an assignment answered, a timesheet validated, a punch flagged, a KPI
 * value turned red) writes one delivery per subscribed endpoint and queues its job, inside the writing transaction:
 * a refused or rolled-back write emits nothing. The organisation's endpoints are read once per transaction, and only
 * when a write makes an event; its name, zone and language only for a Slack or Telegram endpoint.
 */
interface TxWebhooks {
  targets: Promise<TargetRow[]> | null;
  org: Promise<RenderInfo> | null;
}

const stateOf = (ctx: HookContext): TxWebhooks => ctx.tx.state('webhooks.targets', () => ({ targets: null, org: null }) as TxWebhooks);

async function emit(entity: string, doc: SyncDoc, ctx: HookContext): Promise<void> {
  const types = webhookEventsOf(entity, ctx.before, doc);
  if (types.length === 0) return;
  const state = stateOf(ctx);
  state.targets ??= activeTargets(ctx.tx.sql, ctx.orgId);
  const targets = await state.targets;
  for (const type of types) {
    const subscribed = targets.filter((t) => t.events.includes(type));
    if (subscribed.length === 0) continue;
    const event = { id: uuidv7(), type, createdAt: ctx.tx.now, orgId: ctx.orgId, data: webhookData(entity, doc) };
    for (const target of subscribed) {
      const org = target.format === 'json' ? { name: '', timezone: 'UTC', locale: 'fr' as const } : await (state.org ??= orgRenderInfo(ctx.tx.sql, ctx.orgId));
      await queueDelivery(ctx.tx.sql, target, event, org);
    }
  }
}

const on = (entity: string): EntityHooks => ({ afterWrite: (doc, ctx) => emit(entity, doc, ctx) });

export const webhookHooks: DomainHooks = {
  domain: 'integrations',
  entities: Object.fromEntries(WEBHOOK_ENTITIES.map((e) => [e, on(e)])) as DomainHooks['entities'],
};
