import { sameValue } from '../canonical';
import type { ConflictInput, Discard, Resolution, SyncDoc } from '../types';

const UNMERGED = new Set(['id', '_deleted', 'updatedAt']);

/** True when `local` was written strictly after `remote` (ties go to the server's state). */
export function localIsNewer(local: SyncDoc, remote: SyncDoc): boolean {
  const l = typeof local.updatedAt === 'string' ? local.updatedAt : '';
  const r = typeof remote.updatedAt === 'string' ? remote.updatedAt : '';
  return l > r;
}

/**
 * Three-way merge on top-level fields with the writer's base (assumedMasterState): a field changed on one
 * side only takes that side's value; a field changed on both sides to different values goes to the later
 * write (updatedAt), and the other value is reported as discarded. Without a base every differing field
 * counts as changed on both sides. A deletion wins over edits; the edits it discards are reported.
 * Idempotent: merging the result again with the same local state gives the result back.
 */
export function mergeFields<T extends SyncDoc>(input: ConflictInput<T>, skip: ReadonlySet<string> = new Set()): Resolution<T> {
  const { base, local, remote } = input;
  const newer = localIsNewer(local, remote);
  const out: Record<string, unknown> = { ...remote };
  const discarded: Discard[] = [];
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    if (UNMERGED.has(key) || skip.has(key)) continue;
    const l = local[key];
    const r = remote[key];
    if (sameValue(l, r)) continue;
    const localChanged = !base || !sameValue(l, base[key]);
    const remoteChanged = !base || !sameValue(r, base[key]);
    if (localChanged && !remoteChanged) out[key] = l;
    else if (localChanged && remoteChanged) {
      out[key] = newer ? l : r;
      discarded.push({ field: key, kept: newer ? l : r, discarded: newer ? r : l });
    }
  }
  const lu = String(local.updatedAt ?? '');
  const ru = String(remote.updatedAt ?? '');
  if (lu || ru) out.updatedAt = lu > ru ? lu : ru;

  const localDeleted = Boolean(local._deleted);
  const remoteDeleted = Boolean(remote._deleted);
  if (localDeleted || remoteDeleted) {
    out._deleted = true;
    // The side that was not deleted loses the edits it made.
    const editor = localDeleted ? remote : local;
    const editorDeleted = localDeleted ? remoteDeleted : localDeleted;
    if (!editorDeleted) {
      for (const key of Object.keys(editor)) {
        if (UNMERGED.has(key) || skip.has(key)) continue;
        const changed = !base || !sameValue(editor[key], base[key]);
        if (changed && !sameValue(editor[key], (localDeleted ? local : remote)[key])) {
          if (!discarded.some((d) => d.field === key)) discarded.push({ field: key, kept: '(deleted)', discarded: editor[key] });
        }
      }
      // A deleted document keeps the deleter's field values.
      Object.assign(out, localDeleted ? pick(local, keys, skip) : pick(remote, keys, skip));
      out._deleted = true;
    }
  } else {
    out._deleted = false;
  }
  return { doc: out as T, discarded, rule: 'field-merge' };
}

function pick(doc: SyncDoc, keys: Set<string>, skip: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (!UNMERGED.has(k) && !skip.has(k) && k in doc) out[k] = doc[k];
  return out;
}
