import type { HoursSliceData, IncidentsSliceData, MetaSliceData, MissionsSliceData, PaySliceData } from '@coulisses/shared/analytics/slices';
import { SLICE_META_ID } from '@coulisses/shared/analytics/slices';

/** An analytics_slices document as the local store holds it (only the fields the analytics page reads). */
export interface SliceDoc {
  id: string;
  kind: string;
  periodStart: string;
  data: Record<string, unknown>;
  computedAt: string;
  updatedAt?: string;
  sensitive?: boolean;
  _deleted?: boolean;
}

/** The local slices, by kind (what the analytics worker prepares), and a version that changes when any of them does. */
export interface LocalSlices {
  hours: HoursSliceData[];
  /** Pay slices this device holds (only those allowed read them: ADMIN and the accounts the setting names). */
  pay: PaySliceData[];
  missions: MissionsSliceData[];
  incidents: IncidentsSliceData[];
  meta: MetaSliceData | null;
  /** Ids and update times of every slice: the worker re-prepares only when it changes, not per filter change. */
  version: string;
}

export const SLICE_KINDS_READ = ['an_hours', 'an_pay', 'an_missions', 'an_incidents', 'an_meta'] as const;

const byPeriodThenId = (a: SliceDoc, b: SliceDoc) => (a.periodStart === b.periodStart ? a.id.localeCompare(b.id) : a.periodStart.localeCompare(b.periodStart));

/**
 * Groups the local analytics_slices documents by kind (deleted ones and other kinds such as import_job left
 * out), oldest month first, so the same store gives the same version whatever order the query returned.
 */
export function groupSlices(docs: readonly SliceDoc[]): LocalSlices {
  const live = docs.filter((d) => !d._deleted && (SLICE_KINDS_READ as readonly string[]).includes(d.kind)).sort(byPeriodThenId);
  const of = <T>(kind: string) => live.filter((d) => d.kind === kind).map((d) => d.data as unknown as T);
  const metaDoc = live.find((d) => d.kind === 'an_meta' && d.id === SLICE_META_ID) ?? live.find((d) => d.kind === 'an_meta');
  return {
    hours: of<HoursSliceData>('an_hours'),
    pay: of<PaySliceData>('an_pay'),
    missions: of<MissionsSliceData>('an_missions'),
    incidents: of<IncidentsSliceData>('an_incidents'),
    meta: metaDoc ? (metaDoc.data as unknown as MetaSliceData) : null,
    version: live.filter((d) => d.kind !== 'an_meta').map((d) => `${d.id}@${d.updatedAt ?? d.computedAt}`).join('|'),
  };
}

/** Whether the device holds any data slice (hours or missions): else the page shows its empty state. */
export function hasData(slices: LocalSlices): boolean {
  return slices.hours.length > 0 || slices.missions.length > 0 || slices.incidents.length > 0;
}

/**
 * "Data as of": the newest source change the slices include (the server's warehouse), else when they were
 * computed; null without meta document.
 */
export function dataAsOf(meta: MetaSliceData | null): string | null {
  if (!meta) return null;
  return meta.sourceUpTo ?? meta.refreshedAt;
}
