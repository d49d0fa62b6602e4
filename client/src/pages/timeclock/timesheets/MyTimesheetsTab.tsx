import { mondayOf } from '@coulisses/shared';
import { useState } from 'react';
import { formatDuration, formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useSyncDatabase } from '../../../sync/useSync';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { useMyUser } from '../../../data/org/useMyUser';
import { byId, useMissions } from '../../../data/queries';
import type { UserDoc } from '../../../data/types';
import { usePendingIds } from '../../../data/usePendingIds';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { IntegrityNotes } from './IntegrityNotes';
import { CREW_ANSWERABLE, modifyTimesheet, useTimesheets, type TimesheetDoc } from './timesheet-data';
import { useTimesheetIntegrity, type TimesheetIntegrity } from './timesheet-integrity';
import { enumLabel } from '../../../i18n/enum-label';

/**
 * My timesheets by week: planned and actual time, night time, anomalies, overlaps, missing breaks and changes
 * waiting for a manager; confirm or dispute (works offline). Live: follows the local store as punches and
 * timesheets sync.
 */
export function MyTimesheetsTab() {
  const { t } = useI18n();
  const { user, loading } = useMyUser();
  if (loading) return <LoadingScreen />;
  if (!user)
    return (
      <p className="alert alert--warning" data-testid="mine-no-user">
        {t('timeclock.punch.noUser')}
      </p>
    );
  return <MyTimesheets user={user} />;
}

function MyTimesheets({ user }: { user: UserDoc }) {
  const { t, locale } = useI18n();
  const { docs, loading } = useTimesheets({ userId: user.id });
  const integrity = useTimesheetIntegrity(docs, user.id);
  if (loading) return <LoadingScreen />;
  if (docs.length === 0)
    return (
      <p className="muted" data-testid="mine-empty">
        {t('timeclock.mine.empty')}
      </p>
    );
  const weeks = new Map<string, TimesheetDoc[]>();
  for (const d of docs) {
    const w = mondayOf(d.date);
    weeks.set(w, [...(weeks.get(w) ?? []), d]);
  }
  return (
    <div className="stack" data-testid="mine-list">
      {[...weeks].map(([week, sheets]) => (
        <section key={week} className="stack" aria-label={t('timeclock.mine.week', { date: formatLocalDate(locale, week) })}>
          <h2>
            {t('timeclock.mine.week', { date: formatLocalDate(locale, week) })}{' '}
            <span className="muted">{formatDuration(locale, sheets.reduce((s, d) => s + d.roundedMinutes, 0))}</span>
          </h2>
          {sheets.map((d) => (
            <MyTimesheetCard key={d.id} doc={d} integrity={integrity} />
          ))}
        </section>
      ))}
    </div>
  );
}

function MyTimesheetCard({ doc, integrity }: { doc: TimesheetDoc; integrity: TimesheetIntegrity }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const db = useSyncDatabase();
  const { docs: missions } = useMissions();
  const pending = usePendingIds('timesheets');
  const mission = doc.missionId ? byId(missions).get(doc.missionId) : undefined;
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState(doc.crewComment ?? '');
  const [error, setError] = useState<string | null>(null);
  const answerable = CREW_ANSWERABLE.includes(doc.status);

  async function answer(changes: Record<string, unknown>) {
    setError(null);
    try {
      await modifyTimesheet(db, doc.id, changes);
      setDisputing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <article className="card stack" data-testid="mine-timesheet" data-id={doc.id} data-status={doc.status} data-punches={doc.punchIds.length}>
      <header>
        <strong>{formatLocalDate(locale, doc.date)}</strong> {mission ? mission.title : enumLabel(t, 'missionType', doc.type)}{' '}
        <span className="badge" data-testid="mine-status">
          {enumLabel(t, 'timesheetStatus', doc.status)}
        </span>
        {pending.has(doc.id) && <span className="badge badge--pending">{t('timeclock.punch.notSent')}</span>}
      </header>
      <dl className="details">
        <dt>{t('timeclock.sheet.times')}</dt>
        <dd>
          {doc.startAt ? formatInZone(locale, doc.startAt, tz, 'time') : '?'} - {doc.endAt ? formatInZone(locale, doc.endAt, tz, 'time') : '?'}
        </dd>
        <dt>{t('timeclock.sheet.planned')}</dt>
        <dd data-testid="mine-planned">{formatDuration(locale, doc.plannedMinutes)}</dd>
        <dt>{t('timeclock.sheet.actual')}</dt>
        <dd data-testid="mine-minutes">{formatDuration(locale, doc.roundedMinutes)}</dd>
        <dt>{t('timeclock.sheet.breaks')}</dt>
        <dd>{formatDuration(locale, doc.breakMinutes)}</dd>
        <dt>{t('timeclock.sheet.night')}</dt>
        <dd data-testid="mine-night">{formatDuration(locale, doc.nightMinutes)}</dd>
      </dl>
      {doc.anomalies.length > 0 && (
        <p className="alert alert--warning" data-testid="mine-anomalies">
          {doc.anomalies.map((a) => enumLabel(t, 'timeAnomaly', a)).join(' / ')}
        </p>
      )}
      <IntegrityNotes doc={doc} overlaps={integrity.overlaps.get(doc.id)} breaks={integrity.breaks.get(doc.id)} open={integrity.open.get(doc.id)} prefix="mine" />
      {doc.crewComment && <p className="note">{t('timeclock.sheet.crewComment', { comment: doc.crewComment })}</p>}
      {answerable && !disputing && (
        <div className="form__actions">
          {doc.status !== 'CONFIRMED' && (
            <button type="button" className="button button--primary" data-testid="mine-confirm" onClick={() => void answer({ status: 'CONFIRMED' })}>
              {t('timeclock.mine.confirm')}
            </button>
          )}
          <button type="button" className="button button--secondary" data-testid="mine-dispute" onClick={() => setDisputing(true)}>
            {t('timeclock.mine.dispute')}
          </button>
        </div>
      )}
      {disputing && (
        <form
          className="form stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void answer({ status: 'DISPUTED', crewComment: comment.trim() });
          }}
        >
          <label className="field">
            <span className="field__label">{t('timeclock.mine.disputeComment')}</span>
            <textarea className="field__input" data-testid="mine-dispute-comment" required maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="mine-dispute-send" disabled={!comment.trim()}>
              {t('timeclock.mine.disputeSend')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setDisputing(false)}>
              {t('timeclock.cancel')}
            </button>
          </div>
        </form>
      )}
      {doc.status === 'VALIDATED' && <p className="hint">{t('timeclock.mine.validatedHint')}</p>}
      {error && <p className="alert alert--error">{error}</p>}
    </article>
  );
}
