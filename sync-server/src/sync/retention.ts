import type { Logger } from 'pino';
import { ENTITIES, type EntityDef } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { lockOrg, type Tx } from './store';

/**
 * Deletes tombstones (soft-deleted rows) and scope exits older than `retentionDays` and records the highest purged
 * change number per organisation: a client whose checkpoint is older than that is told to resync (410
 * CHECKPOINT_EXPIRED), because it could otherwise miss a deletion. Field events and the conflict log are
 * never deleted by clients, so they have no tombstones to purge.
 */
export async function purgeTombstones(sql: Sql, retentionDays: number, logger?: Logger): Promise<number> {
  const orgs = await sql<{ org_id: string }[]>`select org_id from org_sync_state`;
  let purged = 0;
  for (const { org_id: orgId } of orgs) {
    await sql.begin(async (t) => {
      const tx = t as unknown as Tx;
      await lockOrg(tx, orgId);
      let maxSeq = 0;
      for (const entity of ENTITIES as readonly EntityDef[]) {
        const rows = await tx<{ seq: string }[]>`
          delete from ${tx(entity.name)}
          where org_id = ${orgId} and deleted and server_updated_at < now() - make_interval(days => ${retentionDays})
          returning seq`;
        purged += rows.length;
        for (const r of rows) maxSeq = Math.max(maxSeq, Number(r.seq));
      }
      // Scope exits age like tombstones: a checkpoint older than the purged ones starts over (410).
      const exits = await tx<{ seq: string }[]>`
        delete from sync_exits
        where org_id = ${orgId} and created_at < now() - make_interval(days => ${retentionDays})
        returning seq`;
      for (const r of exits) maxSeq = Math.max(maxSeq, Number(r.seq));
      if (maxSeq > 0) await tx`update org_sync_state set purged_seq = greatest(purged_seq, ${maxSeq}) where org_id = ${orgId}`;
    });
  }
  if (purged > 0) logger?.info({ purged, retentionDays }, 'tombstones purged');
  return purged;
}

/** Runs the purge once a day (and once shortly after start). */
export function scheduleTombstonePurge(sql: Sql, retentionDays: number, logger: Logger): () => void {
  const run = () => purgeTombstones(sql, retentionDays, logger).catch((err: unknown) => logger.warn({ err }, 'tombstone purge failed'));
  const first = setTimeout(run, 60_000);
  const daily = setInterval(run, 24 * 3600_000);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
