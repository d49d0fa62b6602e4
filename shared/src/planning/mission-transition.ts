/**
 * What a stored write did to a mission, for the people who hear of it (webhooks, crew emails): published when its
 * status becomes PUBLISHED, cancelled when it becomes CANCELLED or a published mission is deleted, changed when one
 * of `changeFields` of a published mission changes. `before` is the stored live state (undefined for a new mission).
 * Each audience passes the fields it cares about: a webhook every field, a crew email what the crew must act on.
 */
export type MissionTransition = 'published' | 'changed' | 'cancelled';

type Doc = Record<string, unknown>;

const isLive = (d: Doc | undefined): d is Doc => !!d && d._deleted !== true;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of a published mission whose change the crew are told of by email (when, where, what). */
export const CREW_CHANGE_FIELDS = ['title', 'startAt', 'endAt', 'venueId'] as const;

export function missionTransition(before: Doc | undefined, after: Doc, changeFields: readonly string[]): MissionTransition | null {
  const prev = isLive(before) ? before : undefined;
  if (!isLive(after)) return prev?.status === 'PUBLISHED' ? 'cancelled' : null;
  if (after.status === 'PUBLISHED' && prev?.status !== 'PUBLISHED') return 'published';
  if (after.status === 'CANCELLED' && prev?.status !== 'CANCELLED') return 'cancelled';
  if (after.status === 'PUBLISHED' && prev && changeFields.some((f) => !same(prev[f], after[f]))) return 'changed';
  return null;
}
