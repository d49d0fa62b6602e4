import { addDays, startOfLocalDay } from '@coulisses/shared';
import { wallMinutes, type Interval } from '@coulisses/shared/planning/moves';

/** The part of an item on one local day of a time grid, in wall-clock minutes, with its lane. */
export interface Segment {
  id: string;
  date: string;
  startMin: number;
  endMin: number;
  /** The item starts on this day (the part that moves) / ends on it (the part that resizes). */
  first: boolean;
  last: boolean;
  lane: number;
  lanes: number;
}

export interface Placed {
  id: string;
  interval: Interval;
}

/**
 * Places items in side-by-side lanes: overlapping items share a cluster and each takes the first free lane;
 * every item of a cluster knows how many lanes the cluster uses.
 */
export function assignLanes<T extends { startMin: number; endMin: number }>(items: readonly T[]): (T & { lane: number; lanes: number })[] {
  const sorted = [...items].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  const out: (T & { lane: number; lanes: number })[] = [];
  let cluster: (T & { lane: number; lanes: number })[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const it of cluster) it.lanes = laneEnds.length;
    out.push(...cluster);
    cluster = [];
    laneEnds = [];
    clusterEnd = -Infinity;
  };
  for (const item of sorted) {
    if (cluster.length > 0 && item.startMin >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.startMin);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(item.endMin);
    } else laneEnds[lane] = item.endMin;
    cluster.push({ ...item, lane, lanes: 1 });
    clusterEnd = Math.max(clusterEnd, item.endMin);
  }
  close();
  return out;
}

/**
 * The segments of items per local day of a time grid: a mission across midnight shows on both days; positions
 * are wall-clock minutes (the clock the crew reads), so on a DST day the skipped hour is empty and the
 * repeated hour is drawn once.
 */
export function daySegments(items: readonly Placed[], days: readonly string[], tz: string): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  const bounds = days.map((date) => ({ date, from: startOfLocalDay(date, tz), to: startOfLocalDay(addDays(date, 1), tz) }));
  for (const { date, from, to } of bounds) {
    const parts: Omit<Segment, 'lane' | 'lanes'>[] = [];
    for (const { id, interval } of items) {
      if (interval.end <= from || interval.start >= to) continue;
      const first = interval.start >= from;
      const last = interval.end <= to;
      const startMin = first ? wallMinutes(interval.start, tz) : 0;
      const endMin = last ? wallMinutes(interval.end, tz) || 1440 : 1440;
      parts.push({ id, date, startMin, endMin: Math.max(endMin, startMin + 15), first, last });
    }
    out.set(date, assignLanes(parts));
  }
  return out;
}
