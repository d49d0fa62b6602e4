import type { EntryRow, KpiPeriodStatus } from '@coulisses/shared';
import type { EntryKpi } from '../../../data/kpi/board-input';
import { useT } from '../../../i18n/useT';
import { enumLabel } from '../../../i18n/enum-label';
import { Chip, FormField, Input, type Tone } from '../../../ui';

export interface QuickEntryRowProps {
  row: EntryRow;
  kpi: EntryKpi;
  text: string;
  invalid: boolean;
  preview: KpiPeriodStatus;
  previewTone: Tone;
  pending: boolean;
  savedLabel: string | null;
  targetLabel: string;
  periodLabel: string;
  dueLabel: string;
  onChange: (text: string) => void;
}

/** One KPI period of the quick entry: the period, the target, the field, the status preview, pending or sent. */
export function QuickEntryRow({ row, kpi, text, invalid, preview, previewTone, pending, savedLabel, targetLabel, periodLabel, dueLabel, onChange }: QuickEntryRowProps) {
  const t = useT();
  const late = !row.current && row.saved === null && row.status === 'LATE';
  return (
    <li className="kpi-entry__row" data-testid="kpi-entry-row" data-kpi-id={row.kpiId} data-period={row.periodStart} data-current={String(row.current)} data-pending={String(pending)} data-status={preview}>
      <div className="kpi-entry__head">
        <span className="kpi-entry__name">{kpi.name}</span>
        {late && (
          <Chip tone="danger" size="sm" variant="outline">
            {t('kpiBoard.entry.lateBadge')}
          </Chip>
        )}
        {pending ? (
          <Chip tone="warning" size="sm" data-testid="kpi-entry-pending">
            {t('kpiBoard.entry.pending')}
          </Chip>
        ) : (
          savedLabel !== null && (
            <Chip tone="success" size="sm" data-testid="kpi-entry-synced">
              {t('kpiBoard.entry.synced')}
            </Chip>
          )
        )}
      </div>
      <p className="kpi-entry__meta">
        <span data-testid="kpi-entry-period">
          {t('kpiBoard.entry.period')} {periodLabel}
        </span>
        {' - '}
        <span>{t('kpiBoard.entry.dueBy', { date: dueLabel })}</span>
      </p>
      <p className="kpi-entry__meta">
        <span data-testid="kpi-entry-target">{t('kpiBoard.entry.target', { target: targetLabel })}</span>
        {savedLabel !== null && (
          <>
            {' - '}
            <span data-testid="kpi-entry-saved">{t('kpiBoard.entry.current', { value: savedLabel })}</span>
          </>
        )}
      </p>
      <div className="kpi-entry__field">
        <FormField
          label={
            <>
              <span className="visually-hidden">{t('kpiBoard.entry.valueLabel', { name: kpi.name, period: row.periodKey })}</span>
              <span aria-hidden="true">{kpi.unit ? t('kpiBoard.entry.valueUnit', { unit: kpi.unit }) : t('kpiBoard.entry.value')}</span>
            </>
          }
          error={invalid ? t('kpiBoard.entry.invalid') : undefined}
        >
          <Input
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('kpiBoard.entry.placeholder')}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            data-testid="kpi-entry-input"
          />
        </FormField>
        <span className="kpi-entry__preview" aria-live="polite">
          <span className="visually-hidden">{t('kpiBoard.entry.preview')} </span>
          <Chip tone={previewTone} dot size="sm" data-testid="kpi-entry-preview" data-status={preview}>
            {enumLabel(t, 'kpiPeriodStatus', preview)}
          </Chip>
        </span>
      </div>
    </li>
  );
}
