import type { DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';

/**
 * The slices as the worker receives them: every numeric column copied into a Float64Array whose buffer is
 * transferred (moved, not cloned). A structured clone of 100,000 rows of plain arrays takes 70-90 ms on the main
 * thread (a long task); the copy into typed arrays takes a few ms and the transfer nothing. The shared rules only
 * index the columns and read their length, which typed arrays offer the same way (client/test/analytics-page.test.ts
 * checks the results are equal). Float64: epoch minutes and cents stay exact.
 */
export function transferableSlices(slices: DashboardSlices): { slices: DashboardSlices; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const columns = <T extends { rows: Record<string, readonly number[]> }>(s: T): T => {
    const rows: Record<string, number[]> = {};
    for (const [name, column] of Object.entries(s.rows)) {
      const typed = Float64Array.from(column);
      buffers.push(typed.buffer);
      rows[name] = typed as unknown as number[];
    }
    return { ...s, rows } as T;
  };
  return {
    slices: {
      hours: slices.hours.map(columns),
      pay: slices.pay ? slices.pay.map(columns) : slices.pay,
      missions: slices.missions.map(columns),
      incidents: slices.incidents.map(columns),
    },
    buffers,
  };
}
