import { isPeriodStart, periodEndOf, targetFor, valueStatus, type SyncDoc } from '@coulisses/shared';
import type { EntityDocs, EntityHooks, HookContext } from '../sync/hooks';
import { definitionOf, kpiDoc } from './kpi-docs';

type Value = EntityDocs['kpi_values'];

/** A value names a live KPI, on a period start of its frequency; an automatic KPI's values are the server's. */
async function check(doc: Value, ctx: HookContext): Promise<string | null> {
  if (doc._deleted) return null;
  const kpi = await kpiDoc(ctx, doc.kpiId);
  const def = definitionOf(kpi);
  if (!kpi) return 'KPI_NOT_FOUND';
  if (def && !isPeriodStart(doc.periodStart, def.frequency)) return 'KPI_PERIOD_NOT_START';
  if (def && def.source === 'AUTOMATIC' && ctx.viewer) return 'KPI_AUTOMATIC';
  return null;
}

/**
 * The server's fields of a value: who entered it (when the value changes), its status by the KPI's direction,
 * bands and the period's target (null: not rated), the period's end, and whether the KPI is shared with everyone.
 */
export async function valueServerFields(doc: Value, ctx: HookContext): Promise<Value> {
  const before = ctx.before;
  const changed = !before || before.value !== doc.value;
  const enteredByAccountId = changed ? (ctx.viewer?.accountId ?? null) : ((before.enteredByAccountId as string | null) ?? null);
  return { ...(rated(doc, await kpiDoc(ctx, doc.kpiId)) as Value), enteredByAccountId, history: withReplaced(doc, before) };
}

/**
 * The replaced entries of a value: a correction of the stored entry (the same document edited, on the same device
 * or through the API) keeps the entry it replaces, as the unique-by-key rule does when a second entry for the same
 * period merges into the first (which has then already added it: the history grew).
 */
function withReplaced(doc: Value, before: SyncDoc | undefined): Value['history'] {
  const history = Array.isArray(doc.history) ? doc.history : [];
  if (!before || doc._deleted) return history;
  const stored = Array.isArray(before.history) ? (before.history as Value['history']) : [];
  const corrected = before.value !== doc.value || (before.comment ?? null) !== (doc.comment ?? null);
  if (!corrected || history.length > stored.length) return history;
  const entry: Value['history'][number] = { id: before.id, value: before.value, comment: before.comment, enteredAt: before.enteredAt };
  if (entry.comment === undefined) delete entry.comment;
  return [...stored, entry].slice(-200);
}

/** The value with its status, period end and sharing computed from its KPI (the same on a re-rating). */
export function rated<D extends SyncDoc>(doc: D, kpi: SyncDoc | null): D {
  const def = definitionOf(kpi);
  const out: SyncDoc = { ...doc, sharedWithAll: kpi?.sharedWithAll === true };
  if (!def || typeof doc.value !== 'number' || typeof doc.periodStart !== 'string') return { ...out, status: null } as unknown as D;
  out.status = valueStatus(doc.value, def, targetFor(def.target, doc.periodStart));
  out.periodEnd = periodEndOf(doc.periodStart, def.frequency);
  return out as D;
}

export const valueHooks: EntityHooks<Value> = { check, serverFields: valueServerFields };
