/** A mission of the person at the kiosk's venue that day, as the kiosk's roster gives it. */
export interface KioskMission {
  id: string;
  startAt: string;
  endAt: string;
}

/** What the kiosk does with a clock in: attach it to one mission, or ask the person to choose among several. */
export interface KioskMissionChoice<M extends KioskMission = KioskMission> {
  /** The mission to attach the punch to without asking, null when the person must choose (or has no mission). */
  missionId: string | null;
  /** The missions to offer when several fit, the most likely first; empty when there is nothing to choose. */
  candidates: M[];
}

/** How long before a mission starts a clock in goes to it ("starting soon"). */
export const KIOSK_SOON_MINUTES = 120;

/**
 * The mission a clock in at a kiosk belongs to, at instant `at` (UTC ms), among the person's missions at the
 * kiosk's venue that day:
 * 1. the missions running at `at` (start <= at < end) and those starting within `soonMinutes` (120): one of them
 *    is chosen without asking; several are offered, the running ones first (the latest started first), then the
 *    nearest start;
 * 2. none of those: the day's missions; one is chosen, several are offered, the nearest in time first;
 * 3. no mission: null, nothing to choose (the punch belongs to the day).
 * Instants are UTC, so a night across midnight or a DST change is read in real time.
 */
export function kioskMissionChoice<M extends KioskMission>(missions: readonly M[], at: number, soonMinutes = KIOSK_SOON_MINUTES): KioskMissionChoice<M> {
  const timed = missions
    .map((m) => ({ m, start: Date.parse(m.startAt), end: Date.parse(m.endAt) }))
    .filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start);
  const running = timed.filter((x) => x.start <= at && at < x.end).sort((a, b) => b.start - a.start || a.end - b.end || cmp(a.m.id, b.m.id));
  const soon = timed.filter((x) => x.start > at && x.start - at <= soonMinutes * 60_000).sort((a, b) => a.start - b.start || cmp(a.m.id, b.m.id));
  const near = [...running, ...soon];
  const pick = (list: typeof timed): KioskMissionChoice<M> =>
    list.length === 1 ? { missionId: list[0]!.m.id, candidates: [] } : { missionId: null, candidates: list.map((x) => x.m) };
  if (near.length > 0) return pick(near);
  const distance = (x: (typeof timed)[number]) => (at < x.start ? x.start - at : at >= x.end ? at - x.end : 0);
  return pick([...timed].sort((a, b) => distance(a) - distance(b) || a.start - b.start || cmp(a.m.id, b.m.id)));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
