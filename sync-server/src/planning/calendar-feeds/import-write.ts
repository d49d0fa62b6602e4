import { availabilities, isSafeText, type EntityDef, type PushRow, type SyncDoc } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import type { SyncCore } from '../../sync/core';
import { applyPush } from '../../sync/push';
import type { ViewerContext } from '../../sync/viewer';
import type { BusyBlock } from './ics-read';

export interface ImportCounts {
  created: number;
  /** Already imported (unchanged, or deleted since by someone: an import does not bring it back) or refused. */
  skipped: number;
}

/**
 * The id of an imported block: the same person, event UID and occurrence start give the same id (a UUID-shaped
 * hash, version nibble 8), so importing the same file again writes nothing new.
 */
export function importedId(orgId: string, userId: string, block: Pick<BusyBlock, 'uid' | 'startAt'>): string {
  const h = sha256Hex(`calendar-import\u0001${orgId}\u0001${userId}\u0001${block.uid}\u0001${block.startAt}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const note = (summary: string): string | undefined => {
  // eslint-disable-next-line no-control-regex
  const s = summary.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);
  return s && isSafeText(s) ? s : undefined;
};

/**
 * Writes the blocks as UNAVAILABLE availabilities of `userId` through the sync core, as the viewer's own push
 * (schema, write policy, guard, the approval rule of the organisation, audit, streams). New ids only: a block
 * already stored (or deleted) is skipped; a refused one too.
 */
export async function importBusyBlocks(core: SyncCore, ctx: ViewerContext, userId: string, blocks: readonly BusyBlock[]): Promise<ImportCounts> {
  const entity = availabilities as unknown as EntityDef;
  const updatedAt = new Date().toISOString();
  const byId = new Map(blocks.map((b) => [importedId(ctx.orgId, userId, b), b]));
  return core.transaction(ctx.orgId, async (tx) => {
    const stored = await tx.rows(entity, [...byId.keys()]);
    const rows: PushRow[] = [];
    for (const [id, b] of byId) {
      if (stored.has(id)) continue;
      const doc: SyncDoc = {
        id, updatedAt, userId, kind: 'UNAVAILABLE', startAt: b.startAt, endAt: b.endAt, weeklyUntil: null,
        status: ctx.viewer.role === 'TECH' ? 'PENDING' : 'APPROVED', _deleted: false,
      } as SyncDoc;
      const n = note(b.summary);
      if (n) doc.note = n;
      rows.push({ assumedMasterState: null, newDocumentState: doc });
    }
    const result = rows.length > 0 ? await applyPush(tx, ctx, entity, rows) : { written: 0 };
    const created = result.written;
    return { created, skipped: blocks.length - created };
  });
}
