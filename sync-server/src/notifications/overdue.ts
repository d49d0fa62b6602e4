import { formatLocalDate } from '@coulisses/shared/i18n/format';
import type { Sql } from '../db/connect';
import { enqueue, type JobRunner } from '../jobs/runner';
import type { FanoutDeps } from './fanout';
import { localeOf, queueEmail } from './outbox';
import { overdueActions } from './overdue-repo';
import { orgFacts, recipientsOf } from './recipients';

export const SWEEP_JOB = 'notify.sweep';
const HOUR_MS = 3600_000;

/**
 * The hourly sweep of time-based messages: an action of a KPI action plan past its due date tells its owner once
 * (per due date: moving the date and missing it again tells again). The sweep queues its next run itself (one
 * queued sweep whatever the number of instances: its key).
 */
export async function registerSweepJob(runner: JobRunner, deps: FanoutDeps, firstDelayMs = 60_000): Promise<void> {
  const { sql } = deps.db;
  runner.register(SWEEP_JOB, async () => {
    await sql.begin(async (t) => {
      await sweepOverdue(t as unknown as Sql, deps);
    });
    await enqueue(sql, { kind: SWEEP_JOB, key: 'hourly', delayMs: HOUR_MS });
  });
  await enqueue(sql, { kind: SWEEP_JOB, key: 'hourly', delayMs: firstDelayMs });
}

export async function sweepOverdue(tx: Sql, deps: FanoutDeps): Promise<number> {
  const ctx = deps.outbox();
  const rows = await overdueActions(tx);
  let queued = 0;
  const byOrg = new Map<string, typeof rows>();
  for (const r of rows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  for (const [orgId, actions] of byOrg) {
    const facts = await orgFacts(tx, orgId);
    if (!facts) continue;
    const people = await recipientsOf(tx, orgId, actions.map((a) => a.owner_user_id));
    for (const a of actions) {
      const r = people.get(a.owner_user_id);
      if (!r) continue;
      const id = await queueEmail(tx, ctx, {
        kind: 'action-overdue',
        orgId,
        orgName: facts.name,
        accountId: r.accountId,
        to: r.email,
        name: r.name,
        locale: r.locale,
        vars: { action: a.title ?? '-', date: formatLocalDate(localeOf(r.locale), a.due_date) },
        actionUrl: `${ctx.baseURL}/kpi`,
        eventKey: `${a.id}:${a.due_date}`,
      });
      if (id) queued += 1;
    }
  }
  return queued;
}
