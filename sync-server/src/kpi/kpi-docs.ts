import { kpiDefinitionOf, type KpiDefinition, type SyncDoc } from '@coulisses/shared';
import type { HookContext } from '../sync/hooks';
import type { SyncTx } from '../sync/sync-tx';

/**
 * The KPI documents a transaction reads, cached for its length: an import of 50,000 values over a few KPIs looks
 * each KPI up once instead of once per value. A KPI written in the transaction replaces its cached state.
 */
const CACHE = Symbol('kpi.docs');

function cache(ctx: Pick<HookContext, 'tx'>): Map<string, SyncDoc | null> {
  return ctx.tx.state(CACHE, () => new Map<string, SyncDoc | null>());
}

/**
 * Reads these KPIs into the transaction's cache with one query, before a bulk write (an import): looked up lazily,
 * each first lookup would flush the values written so far, and small flushes are slow.
 */
export async function primeKpiDocs(tx: SyncTx, ids: readonly string[]): Promise<void> {
  const known = cache({ tx });
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const docs = await tx.live('reference', missing);
  for (const id of missing) {
    const doc = docs.get(id);
    known.set(id, doc && doc.kind === 'kpi' ? doc : null);
  }
}

/** The live KPI document (kind 'kpi') of this id, or null. */
export async function kpiDoc(ctx: HookContext, id: unknown): Promise<SyncDoc | null> {
  if (typeof id !== 'string') return null;
  const known = cache(ctx);
  if (known.has(id)) return known.get(id) ?? null;
  const doc = (await ctx.tx.live('reference', [id])).get(id);
  const kpi = doc && doc.kind === 'kpi' ? doc : null;
  known.set(id, kpi);
  return kpi;
}

/** Records a KPI written in this transaction (null once deleted). */
export function rememberKpi(ctx: HookContext, doc: SyncDoc): void {
  cache(ctx).set(doc.id, doc._deleted ? null : doc);
}

/** The definition of a KPI document, or null. */
export function definitionOf(doc: SyncDoc | null): KpiDefinition | null {
  return doc ? kpiDefinitionOf(doc) : null;
}
