import { sameValue, type SyncDoc } from '@coulisses/shared';
import { timesheets } from '@coulisses/shared/entities/timeclock';
import type { DomainHooks, HookContext } from '../sync/hooks';
import { settingsInTx } from '../org/settings-repo';
import { noteDayTimesheet } from './day-timesheets';
import { noteTimesheet } from './held-timesheets';
import { kioskIdOf, punchRosterVerdict, rosterMissionIds } from './kiosk-roster';
import { noteLive } from './live-cache';
import { lockPinAfterIncident } from './pin-lock';
import { notePunch } from './punch-cache';
import { punchRefusal, punchServerFields } from './punch-flags';
import { punchPrefetch } from './punch-prefetch';
import { timesheetComputedFields } from './timesheet-fields';
import { refreshOverlapsAround, withOverlap } from './timesheet-overlaps';
import { recomputedFromPunches, recomputeTimesheet } from './timesheet-recompute';
import { timesheetPrefetch } from './timesheet-prefetch';
import type { EntityDocs } from '../sync/hooks';

type FieldEvent = EntityDocs['field_events'];

/**
 * Who a field event is written as: the account or kiosk that pushed it (server-set), and for crew and kiosks,
 * a person they may act for: crew their own person (the registry's write policy), a kiosk a person of its
 * organisation on its venue's roster that day (refused, or flagged per setting). A comment is signed with the
 * writer's own person, whoever writes it.
 */
async function fieldEventCheck(doc: FieldEvent, ctx: HookContext): Promise<string | null> {
  if (ctx.before) return null;
  if (doc.kind === 'COMMENT' && ctx.viewer && ctx.viewer.role !== 'KIOSK' && doc.userId !== ctx.viewer.userId) return 'FORBIDDEN';
  const kioskId = kioskIdOf(ctx.viewer);
  if (kioskId && doc.userId) {
    const verdict = await punchRosterVerdict(ctx.tx, kioskId, doc.userId, doc.at);
    if (verdict === 'UNKNOWN_PERSON') return 'UNKNOWN_PERSON';
    if (verdict === 'OFF_ROSTER' && (await settingsInTx(ctx.tx)).kioskRosterPolicy === 'REFUSE') return 'NOT_ON_ROSTER';
    // The mission a kiosk attaches a punch to must be one of the person's missions at its venue that day.
    if (doc.kind === 'PUNCH' && doc.missionId && !(await rosterMissionIds(ctx.tx, kioskId, doc.userId, doc.at)).has(doc.missionId)) return 'MISSION_NOT_ON_ROSTER';
  }
  return punchRefusal(doc, ctx);
}

/** The server's fields of a field event: when it arrived, who pushed it, and a punch's flags and clock skew. */
async function fieldEventServerFields(doc: FieldEvent, ctx: HookContext): Promise<FieldEvent> {
  const { before } = ctx;
  const out = { ...doc };
  out.receivedAt = (before?.receivedAt as string | null | undefined) ?? ctx.tx.now;
  out.authorAccountId = (before?.authorAccountId as string | null | undefined) ?? ctx.viewer?.accountId ?? null;
  // Flags and clock skew are computed once, when the event is first stored; an event never changes after.
  if (before) {
    out.flags = (before.flags as string[] | null | undefined) ?? [];
    out.clockSkewMs = (before.clockSkewMs as number | null | undefined) ?? null;
    return out;
  }
  const computed = await punchServerFields(out, { tx: ctx.tx, deviceTime: ctx.deviceTime });
  const kioskId = kioskIdOf(ctx.viewer);
  if (kioskId && out.kind === 'PUNCH' && out.userId && (await punchRosterVerdict(ctx.tx, kioskId, out.userId, out.at)) === 'OFF_ROSTER') computed.flags.push('OFF_ROSTER');
  return { ...out, ...computed };
}

const TIME_FIELDS = ['startAt', 'endAt', 'breakMinutes'];
const SERVER_FIELDS: readonly string[] = timesheets.serverFields;

/**
 * A planner validating a VALIDATED timesheet again: their write changes nothing but its updatedAt (the "validate
 * again" action), or changes its times (an adjustment is a validation of the new figures). Other writes (a
 * comment) leave the validation as it was.
 */
function isRevalidation(before: SyncDoc | undefined, out: SyncDoc, ctx: HookContext): boolean {
  if (!before || before.status !== 'VALIDATED' || out.status !== 'VALIDATED' || !ctx.viewer || ctx.viewer.role === 'TECH' || ctx.viewer.role === 'KIOSK') return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(out)]);
  const changed = [...keys].filter((k) => k !== 'updatedAt' && k !== '_deleted' && !SERVER_FIELDS.includes(k) && !sameValue(before[k], out[k]));
  return changed.length === 0 || changed.some((k) => TIME_FIELDS.includes(k));
}

/**
 * The server's fields of a timesheet: who validated it and when, and the minutes the shared rules compute. A
 * planner validating a timesheet again stamps a new validation (settling the adjustment requests received
 * before it); a PUNCHES timesheet is then computed again from all its punches, late ones included. OVERLAP is
 * set while it shares time with another timesheet of the person.
 */
async function timesheetServerFields(doc: EntityDocs['timesheets'], ctx: HookContext): Promise<EntityDocs['timesheets']> {
  const out = { ...doc };
  const { before } = ctx;
  const revalidating = isRevalidation(before, out, ctx);
  if (out.status === 'VALIDATED' && (before?.status !== 'VALIDATED' || revalidating)) {
    out.validatedAt = ctx.tx.now;
    out.validatedByAccountId = ctx.viewer?.accountId ?? null;
  } else if (out.status !== 'VALIDATED') {
    out.validatedAt = null;
    out.validatedByAccountId = null;
  } else {
    out.validatedAt = (before?.validatedAt as string | null | undefined) ?? null;
    out.validatedByAccountId = (before?.validatedByAccountId as string | null | undefined) ?? null;
  }
  await timesheetComputedFields(out, { tx: ctx.tx, before });
  if (revalidating && out.source === 'PUNCHES') {
    const fresh = await recomputedFromPunches(ctx.tx, out);
    if (fresh) Object.assign(out, fresh);
  }
  if (!out._deleted) out.anomalies = await withOverlap(ctx.tx, out);
  return out;
}

/** The time clock: punches and other field events, timesheets. */
export const timeclockHooks: DomainHooks = {
  domain: 'timeclock',
  entities: {
    field_events: {
      prefetch: punchPrefetch,
      check: fieldEventCheck,
      serverFields: fieldEventServerFields,
      async afterWrite(after, ctx) {
        // The batch's prefetched reads first hold what the table now holds.
        notePunch(ctx.tx, after);
        await lockPinAfterIncident(after, ctx);
        await recomputeTimesheet(after, ctx);
      },
    },
    timesheets: {
      prefetch: timesheetPrefetch,
      serverFields: timesheetServerFields,
      async afterWrite(after, ctx) {
        noteTimesheet(ctx.tx, after);
        noteDayTimesheet(ctx.tx, after);
        await refreshOverlapsAround(after, ctx);
      },
    },
    // The missions and venues the hooks above read, kept current in the transaction (live-cache.ts).
    missions: { afterWrite: (after, ctx) => noteLive(ctx.tx, 'missions', after) },
    reference: { afterWrite: (after, ctx) => noteLive(ctx.tx, 'reference', after) },
    users: { afterWrite: (after, ctx) => noteLive(ctx.tx, 'users', after) },
  },
};
