import type { SyncDoc } from '@coulisses/shared';
import type { ImportJobData } from '@coulisses/shared/kpi/import/index';
import { useMemo } from 'react';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';

export type ImportJobDoc = SyncDoc & { id: string; kind: string; data: ImportJobData };

/** The organisation's import jobs from the local store (analytics_slices of kind import_job), newest first: readable offline. */
export function useImportJobs(): { jobs: ImportJobDoc[]; loading: boolean } {
  const { docs, loading } = useCollectionQuery<ImportJobDoc>('analytics_slices', { selector: { kind: 'import_job' } });
  const jobs = useMemo(() => [...docs].sort((a, b) => String(b.data?.createdAt ?? '').localeCompare(String(a.data?.createdAt ?? ''))), [docs]);
  return { jobs, loading };
}
