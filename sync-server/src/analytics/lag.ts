import type { Sql } from '../db/connect';

/**
 * The measured delay of the analytics warehouse (issue 13: at most 1 minute): from a write's commit to the refresh
 * that includes it having written its slices. `write` performs the write (through the sync core or the HTTP API) and
 * resolves once it is committed; the helper then waits for a refresh of the organisation that started after the
 * commit and left no dirty month behind. The bench (scripts/bench-analytics.mjs) and the tests call it.
 */
export interface LagResult {
  /** Milliseconds from the write's commit to the refresh's end (its slices written). */
  ms: number;
  /** The refresh's own duration (ms). */
  refreshMs: number;
}

export async function measureLag(sql: Sql, orgId: string, write: () => Promise<void>, opts: { timeoutMs?: number; pollMs?: number } = {}): Promise<LagResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const pollMs = opts.pollMs ?? 50;
  await write();
  const [{ committed } = { committed: new Date() }] = await sql<{ committed: Date }[]>`select clock_timestamp() as committed`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ finished_at: Date; started_at: Date }[]>`
      select finished_at, started_at from analytics_refresh_log
      where org_id = ${orgId} and started_at >= ${committed}
        and not exists (select 1 from analytics_dirty where org_id = ${orgId})
      order by id limit 1`;
    if (row) return { ms: row.finished_at.getTime() - committed.getTime(), refreshMs: row.finished_at.getTime() - row.started_at.getTime() };
    if (Date.now() > end) throw new Error(`analytics refresh did not follow the write within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
