import { formatLocalDate } from '@coulisses/shared/i18n/format';
import { dueDateOf } from '@coulisses/shared/kpi/period-status';
import { KPI_FREQUENCIES, periodKey, periodStartOf, shiftPeriod, type KpiFrequency } from '@coulisses/shared/kpi/periods';
import { localDate } from '@coulisses/shared/time/zone';
import type { Sql } from '../db/connect';
import { enqueue, type JobRunner } from '../jobs/runner';
import type { FanoutDeps } from './fanout';
import { localeOf, queueEmail } from './outbox';
import { overdueActions, ownedManualKpis, valuesPresent } from './overdue-repo';
import { orgFacts, recipientsOf } from './recipients';

export const SWEEP_JOB = 'notify.sweep';
const HOUR_MS = 3600_000;

/**
 * The hourly sweep of time-based messages: an action of a KPI action plan past its due date tells its owner once
 * (per due date: moving the date and missing it again tells again); a manual KPI whose last ended period has no
 * value yet, within its grace days, tells its owner once per period (after the grace the board shows it late). The sweep queues its next run itself (one
 * queued sweep whatever the number of instances: its key).
 */
export async function registerSweepJob(runner: JobRunner, deps: FanoutDeps, firstDelayMs = 60_000): Promise<void> {
  const { sql } = deps.db;
  runner.register(SWEEP_JOB, async () => {
    await sql.begin(async (t) => {
      await sweepOverdue(t as unknown as Sql, deps);
      await sweepValuesDue(t as unknown as Sql, deps);
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

export async function sweepValuesDue(tx: Sql, deps: FanoutDeps): Promise<number> {
  const ctx = deps.outbox();
  const kpis = await ownedManualKpis(tx);
  const byOrg = new Map<string, typeof kpis>();
  for (const k of kpis) if ((KPI_FREQUENCIES as readonly string[]).includes(k.frequency)) byOrg.set(k.org_id, [...(byOrg.get(k.org_id) ?? []), k]);
  let queued = 0;
  for (const [orgId, list] of byOrg) {
    const today = localDate(Date.now(), list[0]!.timezone ?? 'Europe/Paris');
    const due = list
      .map((k) => {
        const frequency = k.frequency as KpiFrequency;
        const periodStart = shiftPeriod(periodStartOf(today, frequency), frequency, -1);
        return { k, frequency, periodStart, dueDate: dueDateOf(periodStart, frequency, k.grace_days) };
      })
      .filter((d) => today <= d.dueDate);
    if (due.length === 0) continue;
    const present = await valuesPresent(tx, orgId, due.map((d) => ({ kpiId: d.k.id, periodStart: d.periodStart })));
    const missing = due.filter((d) => !present.has(`${d.k.id}|${d.periodStart}`));
    if (missing.length === 0) continue;
    const facts = await orgFacts(tx, orgId);
    if (!facts) continue;
    const people = await recipientsOf(tx, orgId, missing.map((d) => d.k.owner_user_id));
    for (const d of missing) {
      const r = people.get(d.k.owner_user_id);
      if (!r) continue;
      const id = await queueEmail(tx, ctx, {
        kind: 'kpi-value-due',
        orgId,
        orgName: facts.name,
        accountId: r.accountId,
        to: r.email,
        name: r.name,
        locale: r.locale,
        vars: { kpi: d.k.name, period: periodKey(d.periodStart, d.frequency) },
        actionUrl: `${ctx.baseURL}/kpi`,
        eventKey: `${d.k.id}:${d.periodStart}`,
      });
      if (id) queued += 1;
    }
  }
  return queued;
}
