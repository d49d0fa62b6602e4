import type { EntityDef } from '@coulisses/shared';
import type { AfterWriteContext } from '../sync/after-write';
import { PIN_MAX_FAILURES } from './pin-hash';

/**
 * A kiosk that locked a PIN offline (too many wrong tries) pushes an INCIDENT {type: 'PIN_LOCKED'}: the server
 * then locks that person's PIN for every kiosk, unless the PIN was set or unlocked after the incident happened.
 */
export async function timeclockAfterWrite(entity: EntityDef, ctx: AfterWriteContext): Promise<void> {
  if (entity.name !== 'field_events' || ctx.before || ctx.after._deleted) return;
  const doc = ctx.after;
  const payload = doc.payload as Record<string, unknown> | undefined;
  if (doc.kind !== 'INCIDENT' || payload?.type !== 'PIN_LOCKED' || typeof doc.userId !== 'string') return;
  if (!ctx.accountId.startsWith('kiosk:')) return;
  await ctx.tx`
    update user_pins set locked_at = coalesce(locked_at, now()), failed_count = greatest(failed_count, ${PIN_MAX_FAILURES})
    where org_id = ${ctx.orgId} and user_id = ${doc.userId} and hash <> '' and updated_at <= ${String(doc.at)}::timestamptz`;
}
