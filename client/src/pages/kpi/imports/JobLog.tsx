import type { ImportJobStatus } from '@coulisses/shared/kpi/import/index';
import { useSession } from '../../../auth/useSession';
import { useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { Chip, EmptyState, Skeleton, Table, type Tone } from '../../../ui';
import { useImportJobs, type ImportJobDoc } from './useImportJobs';

export const JOB_TONES: Record<ImportJobStatus, Tone> = { PENDING: 'neutral', RUNNING: 'info', SUCCESS: 'success', FAILED: 'danger' };

/** The import log (who, when, file, status, counts), read from the local store so it shows offline. */
export function JobLog() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { jobs, loading } = useImportJobs();
  const users = useUsers();
  const byAccount = new Map(users.docs.filter((u) => u.accountId).map((u) => [u.accountId as string, u]));
  const zone = me?.activeOrg?.timezone ?? null;
  const who = (accountId: string | null) => (accountId === null ? t('kpiImport.someone') : accountId === me?.account.id ? t('kpiImport.you') : byAccount.has(accountId) ? personName(byAccount.get(accountId)) : t('kpiImport.someone'));
  if (loading) return <Skeleton height="6rem" />;
  return (
    <Table<ImportJobDoc>
      caption={t('kpiImport.jobsTitle')}
      testId="kpi-import-jobs"
      rows={jobs}
      rowKey={(j) => j.id}
      rowTestId={(j) => `kpi-import-job-${j.id}`}
      empty={<EmptyState title={t('kpiImport.jobsEmpty')} />}
      columns={[
        { key: 'file', header: t('kpiImport.colFile'), primary: true, render: (j) => j.data.fileName },
        {
          key: 'status',
          header: t('kpiImport.colStatus'),
          render: (j) => (
            <Chip tone={JOB_TONES[j.data.status]} dot data-testid="kpi-import-job-status">
              {t(`kpiImport.status.${j.data.status}`)}
            </Chip>
          ),
        },
        {
          key: 'counts',
          header: t('kpiImport.colCounts'),
          render: (j) => (
            <span data-testid="kpi-import-job-counts">
              {t('kpiImport.jobCounts', { imported: j.data.imported, unchanged: j.data.unchanged, rejected: j.data.rejected, total: j.data.total })}
              {j.data.errorCode ? ` - ${t('kpiImport.jobErrorCode', { code: issueText(t, j.data.errorCode) })}` : ''}
            </span>
          ),
        },
        { key: 'who', header: t('kpiImport.colWho'), render: (j) => t('kpiImport.jobBy', { who: who(j.data.createdByAccountId), when: formatInZone(locale, j.data.createdAt, zone, 'short') }) },
      ]}
    />
  );
}

/** The catalogue text of a row or job error code (the code itself when the catalogue has none). */
export function issueText(t: ReturnType<typeof useI18n>['t'], code: string, params: Record<string, string | number> = {}): string {
  const key = `kpiImport.issue.${code}`;
  const text = (t as (k: string, p?: Record<string, string | number>) => string)(key, params);
  return text === key ? code : text;
}
