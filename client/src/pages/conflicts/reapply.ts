import { entityByName, type DiscardedValue } from '@coulisses/shared';
import type { PlainDoc } from './doc-names';
import { fieldShape } from './field-format';

/** Never written back: identity, version stamp and RxDB's own fields. */
const NOT_REAPPLIED = new Set(['id', 'updatedAt', '_deleted', '_meta', '_rev', '_attachments']);

export type ReapplyResult = { ok: true; doc: PlainDoc } | { ok: false; reason: 'GONE' | 'INVALID' };

/**
 * "Apply mine again": the current local document with the author's discarded values set again, as a new write
 * (stamped `now`, so the server's rules decide it again like any edit). An empty author value removes an
 * optional field or sets a nullable one to null. GONE: the document is not on this device any more (deleted,
 * or out of the reader's scope); INVALID: the result would not pass the entity's schema (the server would
 * refuse it).
 */
export function reappliedDoc(collection: string, current: PlainDoc | undefined, fields: readonly DiscardedValue[], now: Date = new Date()): ReapplyResult {
  if (!current || current._deleted === true) return { ok: false, reason: 'GONE' };
  const next: PlainDoc = {};
  for (const [key, value] of Object.entries(current)) if (!NOT_REAPPLIED.has(key) || key === 'id') next[key] = value;
  for (const f of fields) {
    if (NOT_REAPPLIED.has(f.field)) continue;
    if (f.discarded === null || f.discarded === undefined) {
      if (fieldShape(collection, f.field).nullable) next[f.field] = null;
      else delete next[f.field];
    } else {
      next[f.field] = f.discarded;
    }
  }
  next.updatedAt = now.toISOString();
  const entity = entityByName(collection);
  if (entity && !entity.schema.safeParse(next).success) return { ok: false, reason: 'INVALID' };
  return { ok: true, doc: next };
}
