/** What the analytics bench page and its worker expose (page/main.ts, page/bench.worker.ts), as seen by the runner. */
import type { DashboardQuery, DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';

export type SliceKind = 'hours' | 'pay' | 'missions' | 'incidents';

export interface BenchWorkerApi {
  /** All slices in one message (structured clone of every column), then prepareSlices. */
  loadWhole(slices: DashboardSlices): Promise<{ prepareMs: number }>;
  /** One slice per message (small clones), then prepare(). */
  reset(): Promise<void>;
  addSlice(kind: SliceKind, data: unknown): Promise<void>;
  prepare(): Promise<{ prepareMs: number }>;
  /** A full garbage collection when the browser exposes gc() (--js-flags=--expose-gc), outside the timings. */
  collect(): Promise<boolean>;
  /** computeDashboard on the prepared slices. */
  compute(query: DashboardQuery): Promise<{ computeMs: number; rows: number; heatTotal: number }>;
  /** A plain loop over the same (received) arrays: sums of the period's hours, pay, needs and incidents. */
  baseline(from: string, to: string): Promise<{ ms: number; rows: number }>;
}

export interface PhaseFigures {
  /** Longest main-thread task (PerformanceObserver longtask) during the phase, 0 when none over 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  wallMs: number;
}

export interface BenchReport {
  rows: number;
  slices: number;
  /** Per run: prepare (worker) then the default query's compute (worker). Run 0 is cold. */
  runs: { prepareMs: number; computeMs: number; roundTripMs: number }[];
  /** Filter changes: name, compute in the worker, round trip seen by the page. */
  filters: { name: string; computeMs: number[]; roundTripMs: number[]; rows: number }[];
  baselineMs: number[];
  baselineRows: number;
  /** Whether the worker could collect garbage before each run (gc exposed). */
  collected: boolean;
  loadWhole: PhaseFigures;
  loadPerSlice: PhaseFigures & { prepareMs: number };
  computePhase: PhaseFigures;
}

export interface AnalyticsBenchApi {
  run(runs: number): Promise<BenchReport>;
}
