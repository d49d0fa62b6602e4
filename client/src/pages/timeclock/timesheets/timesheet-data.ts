import type { DocOf, SyncDoc, timesheets } from '@coulisses/shared';
import { useEffect, useMemo, useState } from 'react';
import type { MangoQuery } from 'rxdb';
import { useCollectionQuery, type CollectionQueryResult } from '../../../sync/useCollectionQuery';
import type { SyncDatabase } from '../../../sync/database';

export { useFieldEvents, type FieldEventDoc } from '../../../data/field-events';

export type TimesheetDoc = DocOf<typeof timesheets>;

/** Timesheets of the local store matching a selector (a person's own, or all for planners), by date. */
export function useTimesheets(selector: Record<string, unknown> = {}): CollectionQueryResult<TimesheetDoc> {
  const query: MangoQuery<SyncDoc> = { selector };
  const result = useCollectionQuery<TimesheetDoc>('timesheets', query);
  const docs = useMemo(() => [...result.docs].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)), [result.docs]);
  return { ...result, docs };
}

/** Changes a timesheet in the local store (works offline; the engine pushes it). */
export async function modifyTimesheet(db: SyncDatabase | null, id: string, changes: Record<string, unknown>): Promise<void> {
  const collection = db?.collections.timesheets;
  if (!collection) throw new Error('timesheets collection is not open');
  const doc = await collection.findOne(id).exec();
  if (!doc) throw new Error(`timesheet ${id} not found`);
  await doc.incrementalModify((current) => ({ ...current, ...changes, updatedAt: new Date().toISOString() }));
}

/** The browser's idea of being online, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** Statuses a crew member may still answer (confirm or dispute). */
export const CREW_ANSWERABLE = ['DRAFT', 'SUBMITTED', 'CONFIRMED', 'DISPUTED'];
