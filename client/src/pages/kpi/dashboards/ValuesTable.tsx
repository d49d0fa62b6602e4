import { periodStatus, targetFor } from '@coulisses/shared';
import { useState } from 'react';
import type { Kpi, KpiValueDoc } from '../../../data/kpi/types';
import type { UserDoc } from '../../../data/types';
import { personName } from '../../../data/types';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { Button, Table, type TableColumn } from '../../../ui';
import { RowMenu } from '../../../components/RowMenu';
import { formatKpiValue, formatPeriod } from './kpi-format';
import { StatusBadge } from './StatusBadge';

interface Replaced {
  value: number | null;
  comment: string;
  at: string;
  accountId: string | null;
}
/** The replaced entries of a value (history, as the server keeps them), newest first. */
export function replacedEntries(doc: KpiValueDoc): Replaced[] {
  return doc.history
    .map((h) => ({
      value: typeof h['value'] === 'number' ? h['value'] : null,
      comment: typeof h['comment'] === 'string' ? h['comment'] : '',
      at: typeof h['enteredAt'] === 'string' ? h['enteredAt'] : typeof h['updatedAt'] === 'string' ? h['updatedAt'] : '',
      accountId: typeof h['enteredByAccountId'] === 'string' ? h['enteredByAccountId'] : null,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Rows shown before "show all" (a phone shows each row as a card). */
const SHOWN = 6;

/** The values of a KPI, newest period first: status, who entered it and when (org zone), and the replaced entries. */
export function ValuesTable({ kpi, values, people, tz, today, canEdit, onEdit, onDelete }: { kpi: Kpi; values: readonly KpiValueDoc[]; people: ReadonlyMap<string, UserDoc>; tz: string; today: string; canEdit: boolean; onEdit: (v: KpiValueDoc) => void; onDelete: (v: KpiValueDoc) => void }) {
  const { t, locale } = useI18n();
  const fmt = (v: number | null) => formatKpiValue(locale, v, kpi.decimals, kpi.unit);
  const who = (accountId: string | null) => (accountId ? personName(people.get(accountId), t('kpi.page.someone')) : t('kpi.page.thisDevice'));
  const [all, setAll] = useState(false);
  const sorted = [...values].sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  const rows = all ? sorted : sorted.slice(0, SHOWN);
  const columns: TableColumn<KpiValueDoc>[] = [
    { key: 'period', header: t('kpi.page.period'), primary: true, render: (v) => formatPeriod(locale, v.periodStart, kpi.frequency) },
    { key: 'value', header: t('kpi.page.value'), align: 'end', render: (v) => <span data-testid={`kpi-value-cell-${v.periodStart}`}>{fmt(v.value)}</span> },
    { key: 'target', header: t('kpi.page.target'), align: 'end', render: (v) => fmt(targetFor(kpi.target, v.periodStart)) },
    { key: 'status', header: t('kpi.page.status'), render: (v) => <StatusBadge status={periodStatus({ definition: kpi, period: v.periodStart, value: v.value, today })} /> },
    { key: 'who', header: t('kpi.page.who'), render: (v) => who(v.enteredByAccountId) },
    { key: 'when', header: t('kpi.page.when'), render: (v) => formatInZone(locale, v.enteredAt, tz, 'short') },
    {
      key: 'history',
      header: t('kpi.page.history'),
      render: (v) => {
        const old = replacedEntries(v);
        if (old.length === 0 && !v.comment) return null;
        return (
          <div className="kpi-history">
            {v.comment && <p className="kpi-history__comment">{v.comment}</p>}
            {old.length > 0 && (
              <details data-testid={`kpi-history-${v.periodStart}`}>
                <summary>{t('kpi.page.replaced', { count: old.length })}</summary>
                <ul>
                  {old.map((h, i) => (
                    <li key={i}>
                      <s>{fmt(h.value)}</s> {h.at && formatInZone(locale, h.at, tz, 'short')} {h.accountId && `\u00b7 ${who(h.accountId)}`}
                      {h.comment && <span className="muted"> {h.comment}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      },
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('kpi.page.rowActions'),
      headerHidden: true,
      align: 'end',
      render: (v) => (
        <RowMenu
          name={formatPeriod(locale, v.periodStart, kpi.frequency)}
          testId={`kpi-value-menu-${v.periodStart}`}
          actions={[
            { id: 'edit', label: t('kpi.page.changeValue'), onSelect: () => onEdit(v) },
            { id: 'delete', label: t('kpi.delete'), confirm: { title: t('kpi.page.deleteValueTitle'), body: t('kpi.page.deleteValueBody', { period: formatPeriod(locale, v.periodStart, kpi.frequency) }) }, onSelect: () => onDelete(v) },
          ]}
        />
      ),
    });
  }
  return (
    <>
      <Table caption={t('kpi.page.values')} captionHidden columns={columns} rows={rows} rowKey={(v) => v.id} rowTestId={(v) => `kpi-value-row-${v.periodStart}`} testId="kpi-values-table" className="kpi-values" dense />
      {sorted.length > SHOWN && (
        <Button variant="ghost" size="sm" className="kpi-values__more" aria-expanded={all} onClick={() => setAll((x) => !x)} data-testid="kpi-values-more">
          {all ? t('kpi.page.showFewer') : t('kpi.page.showAll', { count: sorted.length })}
        </Button>
      )}
    </>
  );
}
