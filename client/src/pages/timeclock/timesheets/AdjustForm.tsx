import { localRangeToUtc, utcToLocal } from '@coulisses/shared/planning/local-time';
import { useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useSyncDatabase } from '../../../sync/useSync';
import { TextField } from '../../../ui/TextField';
import { LocalDateTimeField } from '../../../components/LocalDateTimeField';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { modifyTimesheet, type TimesheetDoc } from './timesheet-data';

/** A planner changes a timesheet's times and break, in the organisation's zone, with the reason the audit keeps. */
export function AdjustForm({ doc, onDone }: { doc: TimesheetDoc; onDone: () => void }) {
  const { t } = useI18n();
  const { tz } = useOrgContext();
  const db = useSyncDatabase();
  const start = doc.startAt ? utcToLocal(doc.startAt, tz) : { date: doc.date, time: '09:00' };
  const end = doc.endAt ? utcToLocal(doc.endAt, tz) : { date: start.date, time: '18:00' };
  const [startDate, setStartDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endDate, setEndDate] = useState(end.date);
  const [endTime, setEndTime] = useState(end.time);
  const [breakMinutes, setBreakMinutes] = useState(String(doc.breakMinutes));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const range = localRangeToUtc({ date: startDate, time: startTime }, { date: endDate, time: endTime }, tz);
    if ('error' in range) return setError(t(range.error === 'END_BEFORE_START' ? 'errors.END_BEFORE_START' : 'timeclock.adjust.invalid'));
    const breaks = Number(breakMinutes);
    if (!Number.isInteger(breaks) || breaks < 0 || breaks > 1440) return setError(t('timeclock.adjust.invalid'));
    if (!reason.trim()) return setError(t('errors.ADJUST_REASON_REQUIRED'));
    try {
      await modifyTimesheet(db, doc.id, { startAt: range.startAt, endAt: range.endAt, breakMinutes: breaks, adjustReason: reason.trim() });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form
      className="form stack"
      data-testid="ts-adjust-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="hint">{t('timeclock.adjust.zone', { zone: tz })}</p>
      <div className="input-row">
        <LocalDateTimeField label={t('timeclock.adjust.start')} date={startDate} time={startTime} onDate={setStartDate} onTime={setStartTime} testPrefix="ts-adjust-start" />
        <LocalDateTimeField label={t('timeclock.adjust.end')} date={endDate} time={endTime} onDate={setEndDate} onTime={setEndTime} testPrefix="ts-adjust-end" />
        <TextField label={t('timeclock.adjust.breakMinutes')} type="number" min={0} max={1440} testId="ts-adjust-break" value={breakMinutes} onValue={setBreakMinutes} />
      </div>
      <TextField label={t('timeclock.adjust.reason')} testId="ts-adjust-reason" maxLength={500} value={reason} onValue={setReason} />
      {error && (
        <p className="alert alert--error" data-testid="ts-adjust-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="ts-adjust-save">
          {t('timeclock.adjust.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('timeclock.cancel')}
        </button>
      </div>
    </form>
  );
}
