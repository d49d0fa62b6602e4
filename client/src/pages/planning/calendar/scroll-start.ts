import type { Segment } from './grid-layout';

/** Where an empty week or day grid opens: 08:00. */
export const EMPTY_OPENING_MIN = 8 * 60;
/** How much of the grid shows above the first mission. */
export const OPENING_MARGIN_MIN = 30;

/**
 * The wall-clock minute (a whole hour, org zone) a week or day grid opens scrolled to: a little before the
 * earliest mission start of the visible days, so the manager sees the missions without scrolling. Missions
 * that start in the range win over the parts of missions carried over from the day before (those begin at
 * 00:00 of the next day); with none at all the grid opens at 08:00. Input: the per-day segments of
 * daySegments (wall-clock minutes, so DST days need nothing special here).
 */
export function openingMinute(segments: ReadonlyMap<string, readonly Segment[]> | readonly (readonly Segment[])[]): number {
  const all = (segments instanceof Map ? [...segments.values()] : (segments as readonly (readonly Segment[])[])).flat();
  if (all.length === 0) return EMPTY_OPENING_MIN;
  const starts = all.filter((s) => s.first).map((s) => s.startMin);
  const earliest = Math.min(...(starts.length > 0 ? starts : all.map((s) => s.startMin)));
  return Math.max(0, Math.floor((earliest - OPENING_MARGIN_MIN) / 60) * 60);
}
