import { formatLocalDate } from '@coulisses/shared/i18n/format';
import { dueDateOf } from '@coulisses/shared/kpi/period-status';
import { KPI_FREQUENCIES, periodKey, periodStartOf, shiftPeriod, type KpiFrequency } from '@coulisses/shared/kpi/periods';
import { localDate } from '@coulisses/shared/time/zone';
import type { Sql } from '../db/connect';
import { enqueue, type JobRunner } from '../jobs/runner';
import type { FanoutDeps } from './fanout';
import { localeOf, queueEmail, type EmailRequest } from './outbox';
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

/** What to tell one owner (a person of the organisation). */
interface OwnerMessage {
  ownerUserId: string;
  message: (locale: string | null) => Pick<EmailRequest, 'kind' | 'vars' | 'eventKey'>;
}

/** Queues each message to its owner (their account or card), in the recipient's language; returns how many were new. */
async function tellOwners(tx: Sql, deps: FanoutDeps, orgId: string, messages: readonly OwnerMessage[]): Promise<number> {
  const ctx = deps.outbox();
  const facts = await orgFacts(tx, orgId);
  if (!facts || messages.length === 0) return 0;
  const people = await recipientsOf(tx, orgId, messages.map((m) => m.ownerUserId));
  let queued = 0;
  for (const m of messages) {
    const r = people.get(m.ownerUserId);
    if (!r) continue;
    const id = await queueEmail(tx, ctx, { ...m.message(r.locale), orgId, orgName: facts.name, accountId: r.accountId, to: r.email, name: r.name, locale: r.locale, actionUrl: `${ctx.baseURL}/kpi` });
    if (id) queued += 1;
  }
  return queued;
}

const byOrg = <T extends { org_id: string }>(rows: readonly T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r]);
  return out;
};

export async function sweepOverdue(tx: Sql, deps: FanoutDeps): Promise<number> {
  let queued = 0;
  for (const [orgId, actions] of byOrg(await overdueActions(tx))) {
    queued += await tellOwners(
      tx,
      deps,
      orgId,
      actions.map((a) => ({
        ownerUserId: a.owner_user_id,
        message: (locale) => ({ kind: 'action-overdue', vars: { action: a.title ?? '-', date: formatLocalDate(localeOf(locale), a.due_date) }, eventKey: `${a.id}:${a.due_date}` }),
      })),
    );
  }
  return queued;
}

export async function sweepValuesDue(tx: Sql, deps: FanoutDeps): Promise<number> {
  let queued = 0;
  for (const [orgId, list] of byOrg((await ownedManualKpis(tx)).filter((k) => (KPI_FREQUENCIES as readonly string[]).includes(k.frequency)))) {
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
    queued += await tellOwners(
      tx,
      deps,
      orgId,
      due
        .filter((d) => !present.has(`${d.k.id}|${d.periodStart}`))
        .map((d) => ({
          ownerUserId: d.k.owner_user_id,
          message: () => ({ kind: 'kpi-value-due', vars: { kpi: d.k.name, period: periodKey(d.periodStart, d.frequency) }, eventKey: `${d.k.id}:${d.periodStart}` }),
        })),
    );
  }
  return queued;
}
