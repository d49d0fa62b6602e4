import { randomUUID } from 'node:crypto';
import type { SyncDoc } from '@coulisses/shared';
import { CREW_CHANGE_FIELDS, missionTransition } from '@coulisses/shared/planning/mission-transition';
import { enqueue } from '../jobs/runner';
import type { DomainHooks, HookContext } from '../sync/hooks';

/**
 * Notifications (issue 15): the writes that someone must hear about by email, noticed in the writing transaction
 * and handed, all of one transaction together, to one job (notify.events): a refused or rolled-back write notifies
 * nobody, a committed one is notified even after a crash, and a batch of 500 assignments costs one insert here (the
 * job does the reading, rendering and queueing of the emails, docs/decisions/notifications.md).
 */
export const NOTIFY_EVENTS_JOB = 'notify.events';

export type NotifyEvent =
  | { type: 'assignment-invited'; id: string }
  | { type: 'assignment-cancelled'; id: string }
  | { type: 'mission-published'; id: string }
  | { type: 'mission-changed'; id: string }
  | { type: 'mission-cancelled'; id: string }
  | { type: 'timesheet-submitted'; id: string };

const ACTIVE = new Set(['INVITED', 'ACCEPTED']);

/** Writes that notify nobody in this transaction (the demo seed: its people's addresses are not real mailboxes). */
export function withoutNotifications(tx: { state<T>(key: unknown, init: () => T): T }): void {
  tx.state('notifications.flags', () => ({ silent: false })).silent = true;
}

function note(ctx: HookContext, event: NotifyEvent): void {
  if (ctx.tx.state('notifications.flags', () => ({ silent: false })).silent) return;
  const events = ctx.tx.state('notifications.events', () => [] as NotifyEvent[]);
  events.push(event);
  ctx.tx.beforeCommit('notifications.events', async () => {
    // Writes made by the server itself (a job, a public link answered) notify too: the author field says who.
    await enqueue(ctx.tx.sql, { kind: NOTIFY_EVENTS_JOB, key: randomUUID(), orgId: ctx.orgId, payload: { events }, maxAttempts: 8 });
  });
}

function onAssignment(after: SyncDoc, ctx: HookContext): void {
  const before = ctx.before;
  if (after._deleted) return;
  if (after.status === 'INVITED' && before?.status !== 'INVITED') note(ctx, { type: 'assignment-invited', id: after.id });
  else if (after.status === 'CANCELLED' && before && ACTIVE.has(String(before.status))) note(ctx, { type: 'assignment-cancelled', id: after.id });
}

function onMission(after: SyncDoc, ctx: HookContext): void {
  const t = missionTransition(ctx.before, after, CREW_CHANGE_FIELDS);
  if (t) note(ctx, { type: `mission-${t}`, id: after.id });
}

function onTimesheet(after: SyncDoc, ctx: HookContext): void {
  if (!after._deleted && after.status === 'SUBMITTED' && ctx.before?.status !== 'SUBMITTED') note(ctx, { type: 'timesheet-submitted', id: after.id });
}

export const notificationHooks: DomainHooks = {
  domain: 'notifications',
  entities: {
    assignments: { afterWrite: onAssignment },
    missions: { afterWrite: onMission },
    timesheets: { afterWrite: onTimesheet },
  },
};
