import { entryRows, parseDecimalInput, periodStatus, type EntryRow } from '@coulisses/shared';
import { useMemo, useState } from 'react';
import { useBoardInputs, useKpiValueDocs, useOrgToday } from '../../../data/kpi/board-queries';
import { saveValues, valueDocIndex, type ValueEntry } from '../../../data/kpi/value-writes';
import { useLocalWrites } from '../../../data/useLocalWrites';
import { usePendingIds } from '../../../data/usePendingIds';
import { formatLocalDate, formatNumber } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useOnlineStatus } from '../../../pwa/useOnlineStatus';
import { Button, Chip, EmptyState, SkeletonGroup, Skeleton, useToast } from '../../../ui';
import type { EntryKpi } from '../../../data/kpi/board-input';
import { KPI_STATUS_TONES } from '../../../lib/kpi-status-tone';
import { QuickEntryRow } from './QuickEntryRow';
import './entry.css';

const rowKey = (r: Pick<EntryRow, 'kpiId' | 'periodStart'>) => `${r.kpiId}|${r.periodStart}`;

/**
 * KPI tab "entry" (issue 12): every active manual KPI due now (and the late periods) on one screen, one numeric
 * field each (French decimals), the target and a status preview as you type, one "save all". Writes go to the
 * local store (offline too) and sync later; each row says when its value waits to be sent.
 */
export function QuickEntryPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const online = useOnlineStatus();
  const today = useOrgToday();
  const inputs = useBoardInputs();
  const valueDocs = useKpiValueDocs();
  const pending = usePendingIds('kpi_values');
  const writes = useLocalWrites();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const index = useMemo(() => valueDocIndex(valueDocs.docs), [valueDocs.docs]);
  const pendingKeys = useMemo(() => {
    const keys = new Set<string>();
    for (const d of index.values()) if (pending.has(d.id)) keys.add(rowKey(d));
    return keys;
  }, [index, pending]);
  const kpisById = useMemo(() => new Map(inputs.kpis.map((k) => [k.id, k])), [inputs.kpis]);
  const rows = useMemo(() => {
    const byKpi = new Map<string, Map<string, number>>();
    for (const v of inputs.values) {
      let m = byKpi.get(v.kpiId);
      if (!m) byKpi.set(v.kpiId, (m = new Map()));
      m.set(v.periodStart, v.value);
    }
    return entryRows(inputs.kpis, byKpi, today, undefined, pendingKeys);
  }, [inputs.kpis, inputs.values, today, pendingKeys]);

  if (inputs.loading) {
    return (
      <SkeletonGroup testId="kpi-entry-loading">
        <Skeleton lines={4} />
      </SkeletonGroup>
    );
  }
  if (rows.length === 0) {
    return (
      <EmptyState title={t('kpiBoard.entry.emptyTitle')} testId="kpi-entry-empty">
        {t('kpiBoard.entry.emptyText')}
      </EmptyState>
    );
  }

  const parsed = rows.map((r) => {
    const text = drafts[rowKey(r)] ?? '';
    return { row: r, text, value: parseDecimalInput(text) };
  });
  const invalid = parsed.filter((p) => p.value !== null && Number.isNaN(p.value));
  const toSave: ValueEntry[] = parsed
    .filter((p): p is typeof p & { value: number } => p.value !== null && !Number.isNaN(p.value) && p.value !== p.row.saved)
    .map((p) => ({ kpiId: p.row.kpiId, periodStart: p.row.periodStart, periodEnd: p.row.periodEnd, value: p.value }));

  const saveAll = async () => {
    if (invalid.length > 0) {
      toast.show({ message: t('kpiBoard.entry.fixErrors'), tone: 'danger', testId: 'kpi-entry-toast' });
      return;
    }
    if (toSave.length === 0 || !writes) {
      toast.show({ message: t('kpiBoard.entry.nothing'), testId: 'kpi-entry-toast' });
      return;
    }
    setSaving(true);
    try {
      await saveValues(writes, index, toSave);
      setDrafts({});
      toast.show({ message: t('kpiBoard.entry.saved', { count: toSave.length }), tone: 'success', testId: 'kpi-entry-toast' });
    } catch (error) {
      console.error('quick entry save failed', error);
      toast.show({ message: t('kpiBoard.entry.saveFailed'), tone: 'danger', testId: 'kpi-entry-toast' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="kpi-entry stack"
      data-testid="kpi-entry"
      onSubmit={(e) => {
        e.preventDefault();
        void saveAll();
      }}
    >
      <p className="kpi-entry__intro">{t('kpiBoard.entry.intro')}</p>
      {!online && (
        <p className="kpi-entry__offline" role="status" data-testid="kpi-entry-offline">
          {t('kpiBoard.entry.offlineHint')}
        </p>
      )}
      <ul className="kpi-entry__list">
        {parsed.map(({ row, text, value }) => {
          const kpi = kpisById.get(row.kpiId) as EntryKpi;
          const key = rowKey(row);
          const typed = value !== null && !Number.isNaN(value);
          const preview = typed ? periodStatus({ definition: kpi, period: row.periodStart, value, today, target: row.target }) : row.status;
          return (
            <QuickEntryRow
              key={key}
              row={row}
              kpi={kpi}
              text={text}
              invalid={value !== null && Number.isNaN(value)}
              preview={preview}
              previewTone={KPI_STATUS_TONES[preview]}
              pending={pendingKeys.has(key)}
              savedLabel={row.saved === null ? null : `${formatNumber(locale, row.saved, kpi.decimals)}${kpi.unit ? ` ${kpi.unit}` : ''}`}
              targetLabel={row.target === null ? t('kpiBoard.noTarget') : `${formatNumber(locale, row.target, kpi.decimals)}${kpi.unit ? ` ${kpi.unit}` : ''}`}
              periodLabel={`${row.periodKey} (${formatLocalDate(locale, row.periodStart)} - ${formatLocalDate(locale, row.periodEnd)})`}
              dueLabel={formatLocalDate(locale, row.dueDate)}
              onChange={(next) => setDrafts((d) => ({ ...d, [key]: next }))}
            />
          );
        })}
      </ul>
      <div className="kpi-entry__actions">
        <Button type="submit" variant="primary" disabled={saving} data-testid="kpi-entry-save">
          {saving ? t('kpiBoard.entry.saving') : t('kpiBoard.entry.saveAll')}
        </Button>
        {toSave.length > 0 && <Chip tone="info" size="sm">{toSave.length}</Chip>}
      </div>
    </form>
  );
}
