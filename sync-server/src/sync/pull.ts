import { canRead, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import { orgState, readChanges, toSyncDoc } from './store';
import type { ViewerContext } from './viewer';

export interface Checkpoint {
  seq: number;
}

export interface PullResult {
  documents: SyncDoc[];
  checkpoint: Checkpoint;
}

const SCAN = 500;

/**
 * Documents changed after the checkpoint that the viewer may read, in change order, at most `limit`.
 * The returned checkpoint is the last change scanned (read or not), so a page never skips a change.
 * A checkpoint older than the purge horizon of tombstones is refused with 410 CHECKPOINT_EXPIRED.
 */
export async function pullChanges(sql: Sql, ctx: ViewerContext, entity: EntityDef, checkpoint: Checkpoint, limit: number): Promise<PullResult> {
  const { purgedSeq } = await orgState(sql, ctx.orgId);
  if (checkpoint.seq > 0 && checkpoint.seq < purgedSeq) throw new AppError('CHECKPOINT_EXPIRED', { purgedSeq }, 410);
  const documents: SyncDoc[] = [];
  let cursor = checkpoint.seq;
  const scan = Math.max(limit, SCAN);
  for (;;) {
    const rows = await readChanges(sql, entity, ctx.orgId, cursor, scan);
    for (const row of rows) {
      cursor = row.seq;
      const doc = toSyncDoc(row);
      if (canRead(entity, ctx.viewer, ctx.facts, doc)) documents.push(doc);
      if (documents.length >= limit) return { documents, checkpoint: { seq: cursor } };
    }
    if (rows.length < scan) return { documents, checkpoint: { seq: cursor } };
  }
}
