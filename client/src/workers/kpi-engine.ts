import { dashboardSummary, directionSummary, kpiTiles } from '@coulisses/shared/kpi/board';
import type { DirectionRequest, DirectionResult, KpiStats, TilesRequest, TilesResult } from './kpi-api';

/** The benchmark's baseline: a plain loop over the same values (sum and count per KPI). */
export function plainLoop(values: TilesRequest['values']): { ms: number; sum: number } {
  const started = performance.now();
  const sums = new Map<string, { sum: number; n: number }>();
  for (const v of values) {
    const s = sums.get(v.kpiId);
    if (s) {
      s.sum += v.value;
      s.n++;
    } else sums.set(v.kpiId, { sum: v.value, n: 1 });
  }
  let sum = 0;
  for (const s of sums.values()) sum += s.sum / s.n;
  return { ms: performance.now() - started, sum };
}

/**
 * What the KPI worker runs (pure, also inline in tests and in Node): the board rules of shared/src/kpi/board.ts
 * over plain arrays from the local store. Each answer carries its timing and the baseline's, for the bench.
 */
export class KpiEngine {
  dashboardTiles(request: TilesRequest): TilesResult {
    const started = performance.now();
    const tiles = kpiTiles(request.kpis, request.values, request.today, request.options);
    const dashboards = (request.dashboards ?? []).map((d) => dashboardSummary(d, tiles));
    const ordered = request.kpis.map((k) => tiles.get(k.id)!);
    const computeMs = performance.now() - started;
    return { tiles: ordered, dashboards, stats: this.stats(request, computeMs) };
  }

  direction(request: DirectionRequest): DirectionResult {
    const started = performance.now();
    const tiles = kpiTiles(request.kpis, request.values, request.today, request.options);
    const summary = directionSummary({ ...request, tiles });
    const computeMs = performance.now() - started;
    return { summary, stats: this.stats(request, computeMs) };
  }

  private stats(request: TilesRequest, computeMs: number): KpiStats {
    const base = request.measureBaseline ? plainLoop(request.values) : { ms: 0, sum: 0 };
    return { kpis: request.kpis.length, values: request.values.length, computeMs, baselineMs: base.ms, baselineSum: base.sum };
  }
}
