import { periodStartOf, shiftPeriod } from '@coulisses/shared';
import { useState, type FormEvent } from 'react';
import type { Kpi, KpiValueDoc } from '../../../data/kpi/types';
import { useI18n } from '../../../i18n/useT';
import { Button, Dialog, FormField, Input, Select, Textarea } from '../../../ui';
import { formatKpiValue, formatPeriod } from './kpi-format';
import { readNumber } from './kpi-form';

/** Enters the value of a period (this one or one of the last 24): a second entry replaces the first, kept in the history. */
export function ValueForm({ kpi, values, today, period, onClose, onSave }: { kpi: Kpi; values: readonly KpiValueDoc[]; today: string; period?: string; onClose: () => void; onSave: (period: string, value: number, comment: string) => Promise<void> }) {
  const { t, locale } = useI18n();
  const current = periodStartOf(today, kpi.frequency);
  const periods = Array.from({ length: 24 }, (_, i) => shiftPeriod(current, kpi.frequency, -i));
  const [p, setP] = useState(period ?? current);
  const existing = values.find((v) => v.periodStart === p);
  const [text, setText] = useState(existing ? String(existing.value) : '');
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = readNumber(text);
    if (n === null) {
      setError(t('kpi.issue.NUMBER'));
      return;
    }
    setBusy(true);
    try {
      await onSave(p, n, comment);
      onClose();
    } catch (caught) {
      setError(t('kpi.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  const formId = 'kpi-value-form';
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('kpi.value.title', { name: kpi.name })}
      testId="kpi-value-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('kpi.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={busy} data-testid="kpi-value-submit">
            {t('kpi.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="stack kpi-form" onSubmit={submit} noValidate>
        <FormField label={t('kpi.value.period')}>
          <Select
            value={p}
            onChange={(e) => {
              setP(e.target.value);
              const ex = values.find((v) => v.periodStart === e.target.value);
              setText(ex ? String(ex.value) : '');
              setComment(ex?.comment ?? '');
            }}
            data-testid="kpi-value-period"
          >
            {periods.map((x) => (
              <option key={x} value={x}>
                {formatPeriod(locale, x, kpi.frequency)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={kpi.unit ? t('kpi.value.valueIn', { unit: kpi.unit }) : t('kpi.value.value')} required error={error ?? undefined} hint={existing ? t('kpi.value.replaces', { value: formatKpiValue(locale, existing.value, kpi.decimals, kpi.unit) }) : undefined}>
          <Input value={text} inputMode="decimal" autoComplete="off" onChange={(e) => setText(e.target.value)} data-testid="kpi-value-input" data-autofocus="" />
        </FormField>
        <FormField label={t('kpi.value.comment')} optional>
          <Textarea value={comment} rows={2} maxLength={1000} onChange={(e) => setComment(e.target.value)} data-testid="kpi-value-comment" />
        </FormField>
      </form>
    </Dialog>
  );
}
