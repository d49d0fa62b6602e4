import type { SyncDoc } from '@coulisses/shared';
import type { HookContext } from '../sync/hooks';
import { kioskIdOf } from './kiosk-roster';
import { PIN_MAX_FAILURES } from './pin-hash';

/**
 * A kiosk that locked a PIN offline (too many wrong tries) pushes an INCIDENT {type: 'PIN_LOCKED'}: the server
 * then locks that person's PIN for every kiosk, unless the PIN was set or unlocked after the incident happened.
 */
export async function lockPinAfterIncident(doc: SyncDoc, ctx: HookContext): Promise<void> {
  if (ctx.before || doc._deleted) return;
  const payload = doc.payload as Record<string, unknown> | undefined;
  if (doc.kind !== 'INCIDENT' || payload?.type !== 'PIN_LOCKED' || typeof doc.userId !== 'string') return;
  if (!kioskIdOf(ctx.viewer)) return;
  await ctx.tx.sql`
    update user_pins set locked_at = coalesce(locked_at, now()), failed_count = greatest(failed_count, ${PIN_MAX_FAILURES})
    where org_id = ${ctx.orgId} and user_id = ${doc.userId} and hash <> '' and updated_at <= ${String(doc.at)}::timestamptz`;
}
