/**
 * The bench's analytics worker: the shared rules (prepareSlices, computeDashboard) behind comlink, as the app's
 * analytics worker runs them (client/src/workers/analytics.*), plus a plain loop over the same arrays (baseline).
 */
import { expose } from 'comlink';
import { computeDashboard, prepareSlices, type PreparedSlices } from '@coulisses/shared/analytics/dashboard';
import type { DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';
import { dayNumber } from '@coulisses/shared/analytics/periods';
import type { HoursSliceData, IncidentsSliceData, MissionsSliceData, PaySliceData } from '@coulisses/shared/analytics/slices';
import type { BenchWorkerApi } from './api';

let slices: { hours: HoursSliceData[]; pay: PaySliceData[]; missions: MissionsSliceData[]; incidents: IncidentsSliceData[] } = { hours: [], pay: [], missions: [], incidents: [] };
let prepared: PreparedSlices | null = null;

function prepareNow(s: DashboardSlices): { prepareMs: number } {
  const t = performance.now();
  prepared = prepareSlices(s);
  return { prepareMs: performance.now() - t };
}

const api: BenchWorkerApi = {
  async loadWhole(s) {
    slices = { hours: [...s.hours], pay: [...(s.pay ?? [])], missions: [...s.missions], incidents: [...s.incidents] };
    return prepareNow(s);
  },
  async reset() {
    slices = { hours: [], pay: [], missions: [], incidents: [] };
    prepared = null;
  },
  async addSlice(kind, data) {
    (slices[kind] as unknown[]).push(data);
  },
  async prepare() {
    return prepareNow(slices);
  },
  async collect() {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return false;
    slices = { hours: [], pay: [], missions: [], incidents: [] };
    prepared = null;
    gc();
    return true;
  },
  async compute(query) {
    const t = performance.now();
    const r = computeDashboard(prepared!, query);
    return { computeMs: performance.now() - t, rows: r.current.rows, heatTotal: r.heatmap.overall.total };
  },
  async baseline(from, to) {
    const t = performance.now();
    const lo = dayNumber(from);
    const hi = dayNumber(to);
    let rows = 0;
    let planned = 0;
    let actual = 0;
    let cost = 0;
    slices.hours.forEach((h, s) => {
      const first = dayNumber(`${h.month}-01`) - 1;
      const r = h.rows;
      const c = slices.pay[s]?.rows.costCents;
      for (let i = 0; i < r.day.length; i++) {
        const d = first + r.day[i]!;
        if (d < lo || d > hi) continue;
        rows += 1;
        planned += r.planned[i]!;
        actual += r.actual[i]! + r.overtime[i]! + r.night[i]! + r.late[i]!;
        if (c) cost += c[i]!;
      }
    });
    let needed = 0;
    for (const m of slices.missions) for (let i = 0; i < m.rows.day.length; i++) needed += Math.min(m.rows.needed[i]!, m.rows.accepted[i]!);
    let incidents = 0;
    for (const x of slices.incidents) for (let i = 0; i < x.rows.day.length; i++) incidents += x.rows.open[i]!;
    const ms = performance.now() - t;
    if (planned + actual + cost + needed + incidents < 0) throw new Error('unreachable');
    return { ms, rows };
  },
};

expose(api);
