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
  const lu = String(local.updatedAt ?? '');
  const ru = String(remote.updatedAt ?? '');
  const latest = lu > ru ? lu : ru;
  const localDeleted = Boolean(local._deleted);
  const remoteDeleted = Boolean(remote._deleted);

  // One side deleted, the other edited: the deletion wins; the edits it discards are reported.
  if (localDeleted !== remoteDeleted) {
    const deleter = localDeleted ? local : remote;
    const editor = localDeleted ? remote : local;
    const out: Record<string, unknown> = { ...deleter, _deleted: true };
    if (latest) out.updatedAt = latest;
    const discarded: Discard[] = [];
    for (const key of Object.keys(editor)) {
      if (UNMERGED.has(key) || skip.has(key)) continue;
      const changed = !base || !sameValue(editor[key], base[key]);
      if (changed && !sameValue(editor[key], deleter[key])) discarded.push({ field: key, kept: '(deleted)', discarded: editor[key] });
    }
    return { doc: out as T, discarded, rule: 'field-merge' };
  }

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
  if (latest) out.updatedAt = latest;
  out._deleted = localDeleted && remoteDeleted;
  return { doc: out as T, discarded, rule: 'field-merge' };
}

