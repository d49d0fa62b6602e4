import { entityByName, projectForViewer, syncWindow, type Checkpoint, type EntityDef, type SnapshotPage, type SnapshotPart, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import { selectSnapshotRows } from './snapshot-rows';
import { orgState } from './store';
import type { ViewerContext } from './viewer';

export interface SnapshotRequest {
  /** Absent on the first page: the snapshot's change number is read then; later pages send the one they got. */
  checkpoint: Checkpoint | null;
  after: string;
  limit: number;
  part: SnapshotPart;
  /** The device's day (YYYY-MM-DD): the window is computed around it. */
  day: string;
}

/**
 * One page of a first-sync snapshot: every live document the viewer may read, projected to the fields it may
 * read (the same decision and projection as a pull), as of one change number S. No tombstones and no scope
 * exits: the replica is fresh. The first page reads S (the organisation's change number, read before the rows,
 * so every change up to S is visible to them); later pages carry S back. A row changed while the pages are read
 * has a change number above S: it is left out here and the live replication, started from {seq: S}, pulls it.
 * A row changed before S is in the snapshot at its state of S or later; either way the pull from S ends at its
 * last state. A checkpoint of another read scope (role or person changed between pages) is refused with 410
 * SCOPE_CHANGED, one older than the purge horizon with 410 CHECKPOINT_EXPIRED: the client starts the snapshot over.
 */
export async function readSnapshot(sql: Sql, ctx: ViewerContext, entity: EntityDef, req: SnapshotRequest): Promise<SnapshotPage> {
  const { lastSeq, purgedSeq } = await orgState(sql, ctx.orgId);
  let atSeq = lastSeq;
  if (req.checkpoint) {
    if (req.checkpoint.scope !== ctx.signature) throw new AppError('SCOPE_CHANGED', undefined, 410);
    if (req.checkpoint.seq > lastSeq) throw new AppError('BAD_CHECKPOINT', { checkpoint: JSON.stringify(req.checkpoint) }, 400);
    if (req.checkpoint.seq < purgedSeq) throw new AppError('CHECKPOINT_EXPIRED', { purgedSeq }, 410);
    atSeq = req.checkpoint.seq;
  }
  const checkpoint = { seq: atSeq, scope: ctx.signature };
  const cond = entity.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none') return { documents: [], checkpoint, next: null };
  const window = syncWindow(entity.name, ctx.viewer.role, req.day);
  const rows = await selectSnapshotRows(sql, ctx, entity.name, cond, { atSeq, after: req.after, limit: req.limit, part: req.part, window });
  const view = { viewer: ctx.viewer, facts: {} };
  const documents = rows.map((r) => projectForViewer(entity, view, { ...(r.doc as SyncDoc), _deleted: false }, entityByName));
  const next = rows.length >= req.limit ? rows[rows.length - 1]!.id : null;
  return { documents, checkpoint, next };
}
