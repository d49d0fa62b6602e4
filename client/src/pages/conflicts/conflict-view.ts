import { hasKey, sameValue, translate, type Locale } from '@coulisses/shared';

/** An entry of the conflict log (the synced `conflicts` collection). */
export interface ConflictDoc {
  id: string;
  updatedAt: string;
  entity: string;
  entityId: string;
  rule: string;
  outcome: 'MERGED' | 'REJECTED' | 'DIVERTED';
  code: string | null;
  fields: { field: string; kept: unknown; discarded: unknown }[];
  local: Record<string, unknown> | null;
  remote: Record<string, unknown> | null;
  actorAccountIds: string[];
  createdAt: string;
}

export interface FieldRow {
  field: string;
  kept: unknown;
  discarded: unknown;
}

/** Fields that say nothing to a reader: identity, version stamps, RxDB's own. */
const HIDDEN = new Set(['id', 'updatedAt', '_deleted', '_meta', '_rev', '_attachments']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per field, the kept and the discarded value where two states differ. */
export function diffFields(kept: Record<string, unknown> | null, discarded: Record<string, unknown> | null): FieldRow[] {
  const keys = new Set([...Object.keys(kept ?? {}), ...Object.keys(discarded ?? {})]);
  return [...keys]
    .filter((k) => !HIDDEN.has(k) && !sameValue(kept?.[k] ?? null, discarded?.[k] ?? null))
    .sort()
    .map((field) => ({ field, kept: kept?.[field] ?? null, discarded: discarded?.[field] ?? null }));
}

/**
 * The rows to show for a log entry: its discarded fields (a whole-document entry, field '*', is split per
 * field); for a refused write without fields, what the writer wanted against what the server kept.
 */
export function conflictFields(doc: Pick<ConflictDoc, 'fields' | 'local' | 'remote' | 'outcome'>): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const f of doc.fields) {
    if (f.field === '*' && (isRecord(f.kept) || isRecord(f.discarded))) {
      rows.push(...diffFields(isRecord(f.kept) ? f.kept : null, isRecord(f.discarded) ? f.discarded : null));
    } else if (!HIDDEN.has(f.field)) {
      rows.push({ field: f.field, kept: f.kept, discarded: f.discarded });
    }
  }
  if (rows.length === 0 && doc.outcome !== 'MERGED' && doc.local) return diffFields(doc.remote, doc.local);
  return rows;
}

/** The values of a refused write worth showing (no ids nor stamps), in field order. */
export function refusedValues(doc: Record<string, unknown>): FieldRow[] {
  return Object.keys(doc)
    .filter((k) => !HIDDEN.has(k))
    .sort()
    .map((field) => ({ field, kept: null, discarded: doc[field] }));
}

/** The catalogue's text for `key`, or `fallback` when the catalogue has none (an entity or rule added later). */
export function labelOr(locale: Locale, key: string, fallback: string): string {
  return hasKey(locale, key) ? translate(locale, key) : fallback;
}
