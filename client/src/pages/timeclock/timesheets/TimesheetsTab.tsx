import { addDays, localDate, mondayOf } from '@coulisses/shared';
import { plannedDelta } from '@coulisses/shared/timeclock/timesheet-build';
import { useMemo, useState } from 'react';
import { formatDuration, formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useSyncDatabase } from '../../../sync/useSync';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { byId, useMissions, useProjects, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { AdjustForm } from './AdjustForm';
import { IntegrityNotes } from './IntegrityNotes';
import { PunchList } from './PunchList';
import { modifyTimesheet, useTimesheets, type TimesheetDoc } from './timesheet-data';
import { DurationDelta } from '../../../components/DurationDelta';
import { useTimesheetIntegrity, type TimesheetIntegrity } from './timesheet-integrity';
import './timesheets.css';
import { enumLabel } from '../../../i18n/enum-label';

type Period = 'week' | 'month';

/** The dates [from, to) of the week or month around a date. */
function periodRange(period: Period, anchor: string): { from: string; to: string } {
  if (period === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 7) };
  }
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${anchor.slice(0, 7)}-01`, to: next };
}

/**
 * Timesheets for planners: filters, planned vs actual, anomalies, validation (one or many), adjustments with a
 * reason. Live: every list and note follows the local store as punches, requests and timesheets sync. Validating
 * a timesheet that overlaps another of the same person asks first; a validated one with changes received after
 * its validation says so and is validated again.
 */
export function TimesheetsTab() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const db = useSyncDatabase();
  const [period, setPeriod] = useState<Period>('week');
  const [anchor, setAnchor] = useState(() => localDate(Date.now(), tz));
  const [person, setPerson] = useState('');
  const [project, setProject] = useState('');
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);

  const { docs, loading } = useTimesheets();
  const { docs: users } = useUsers();
  const { docs: missions } = useMissions();
  const { docs: projects } = useProjects();
  const integrity = useTimesheetIntegrity(docs);
  const usersById = byId(users);
  const missionsById = byId(missions);
  const { from, to } = periodRange(period, anchor);

  const rows = useMemo(
    () =>
      docs.filter((d) => {
        if (d.date < from || d.date >= to) return false;
        if (person && d.userId !== person) return false;
        if (status && d.status !== status) return false;
        if (project && (d.missionId ? missionsById.get(d.missionId)?.projectId : null) !== project) return false;
        return true;
      }),
    [docs, from, to, person, status, project, missionsById],
  );

  async function validate(ids: readonly string[]) {
    setError(null);
    setConfirming(null);
    try {
      for (const id of ids) await modifyTimesheet(db, id, { status: 'VALIDATED' });
      setSelected(new Set());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Validates at once, or first shows the overlaps of the timesheets asked for (the payroll pays that time once). */
  function askValidate(ids: readonly string[]) {
    if (ids.some((id) => integrity.overlaps.has(id))) setConfirming([...ids]);
    else void validate(ids);
  }

  if (loading) return <LoadingScreen />;
  const validatable = rows.filter((r) => r.status !== 'VALIDATED');
  return (
    <div className="stack" data-testid="timesheets-tab">
      <div className="ts-filters">
        <label className="field">
          <span className="field__label">{t('timeclock.list.period')}</span>
          <select className="field__input" data-testid="ts-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            <option value="week">{t('timeclock.list.week')}</option>
            <option value="month">{t('timeclock.list.month')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('timeclock.list.date')}</span>
          <input className="field__input" type="date" data-testid="ts-date" value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('timeclock.list.person')}</span>
          <select className="field__input" data-testid="ts-person" value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t('timeclock.list.all')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {personName(u)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('timeclock.list.project')}</span>
          <select className="field__input" data-testid="ts-project" value={project} onChange={(e) => setProject(e.target.value)}>
            <option value="">{t('timeclock.list.all')}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('timeclock.list.status')}</span>
          <select className="field__input" data-testid="ts-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('timeclock.list.all')}</option>
            {['DRAFT', 'SUBMITTED', 'CONFIRMED', 'DISPUTED', 'VALIDATED'].map((s) => (
              <option key={s} value={s}>
                {enumLabel(t, 'timesheetStatus', s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">
        {formatLocalDate(locale, from)} - {formatLocalDate(locale, addDays(to, -1))}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="ts-validate-selected"
          disabled={selected.size === 0}
          onClick={() => askValidate([...selected])}
        >
          {t('timeclock.list.validateSelected', { count: selected.size })}
        </button>
        <button type="button" className="button button--ghost" disabled={validatable.length === 0} onClick={() => setSelected(new Set(validatable.map((r) => r.id)))}>
          {t('timeclock.list.selectAll')}
        </button>
      </div>
      {error && <p className="alert alert--error">{error}</p>}
      {confirming && (
        <OverlapConfirm
          ids={confirming}
          docs={docs}
          integrity={integrity}
          nameOf={(userId) => {
            const u = usersById.get(userId);
            return u ? personName(u) : userId;
          }}
          onConfirm={() => void validate(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {rows.length === 0 ? (
        <p className="muted" data-testid="ts-empty">
          {t('timeclock.list.empty')}
        </p>
      ) : (
        <div className="stack" data-testid="ts-list">
          {rows.map((d) => {
            const u = usersById.get(d.userId);
            return (
              <TimesheetRow
                key={d.id}
                doc={d}
                name={u ? personName(u) : d.userId}
                missionTitle={d.missionId ? (missionsById.get(d.missionId)?.title ?? '') : ''}
                integrity={integrity}
                selected={selected.has(d.id)}
                onSelect={(on) => {
                  const next = new Set(selected);
                  if (on) next.add(d.id);
                  else next.delete(d.id);
                  setSelected(next);
                }}
                onValidate={() => askValidate([d.id])}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/** The overlaps of the timesheets about to be validated, and the choice to validate anyway. */
function OverlapConfirm(props: {
  ids: readonly string[];
  docs: readonly TimesheetDoc[];
  integrity: TimesheetIntegrity;
  nameOf: (userId: string) => string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const time = (iso: string | null) => (iso ? formatInZone(locale, iso, tz, 'time') : '?');
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  const lines = props.ids.flatMap((id) => {
    const doc = byId.get(id);
    return doc ? (props.integrity.overlaps.get(id) ?? []).map((o) => ({ doc, ...o })) : [];
  });
  return (
    <section className="alert alert--warning stack" role="alertdialog" aria-labelledby="ts-overlap-title" data-testid="ts-overlap-confirm">
      <strong id="ts-overlap-title">{t('timeclock.overlap.confirmTitle')}</strong>
      <ul>
        {lines.map(({ doc, other, minutes }) => (
          <li key={`${doc.id}-${other.id}`} data-testid="ts-overlap-pair">
            {t('timeclock.overlap.pair', {
              name: props.nameOf(doc.userId),
              date: formatLocalDate(locale, doc.date), from: time(doc.startAt), to: time(doc.endAt),
              otherDate: formatLocalDate(locale, other.date), otherFrom: time(other.startAt), otherTo: time(other.endAt), duration: formatDuration(locale, minutes),
            })}
          </li>
        ))}
      </ul>
      <p>{t('timeclock.overlap.confirm')}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="ts-overlap-validate" onClick={props.onConfirm}>
          {t('timeclock.overlap.validateAnyway')}
        </button>
        <button type="button" className="button button--ghost" data-testid="ts-overlap-cancel" onClick={props.onCancel}>
          {t('timeclock.cancel')}
        </button>
      </div>
    </section>
  );
}

function TimesheetRow(props: {
  doc: TimesheetDoc;
  name: string;
  missionTitle: string;
  integrity: TimesheetIntegrity;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onValidate: () => void;
}) {
  const { doc, name, missionTitle, integrity } = props;
  const open = integrity.open.get(doc.id) ?? [];
  const overlaps = integrity.overlaps.get(doc.id) ?? [];
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const [adjusting, setAdjusting] = useState(false);
  const [showPunches, setShowPunches] = useState(false);
  const delta = plannedDelta(doc.roundedMinutes, doc.plannedMinutes);
  const highlight = doc.anomalies.length > 0 || doc.status === 'DISPUTED' || open.length > 0 || overlaps.length > 0;
  return (
    <article
      className={`card stack${highlight ? ' card--attention' : ''}`}
      data-testid="ts-row"
      data-id={doc.id}
      data-status={doc.status}
      data-user={doc.userId}
      data-punches={doc.punchIds.length}
      data-revalidate={open.length > 0 ? 'true' : 'false'}
    >
      <header className="ts-row__head">
        {doc.status !== 'VALIDATED' && (
          <input type="checkbox" aria-label={t('timeclock.list.select')} data-testid="ts-select" checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} />
        )}
        <strong>{name}</strong>
        <span>{formatLocalDate(locale, doc.date)}</span>
        {missionTitle && <span>{missionTitle}</span>}
        <span className="badge" data-testid="ts-status">
          {enumLabel(t, 'timesheetStatus', doc.status)}
        </span>
        <span className="badge">{enumLabel(t, 'timesheetSource', doc.source)}</span>
      </header>
      <p>
        {doc.startAt ? formatInZone(locale, doc.startAt, tz, 'time') : '?'} - {doc.endAt ? formatInZone(locale, doc.endAt, tz, 'time') : '?'} |{' '}
        {t('timeclock.sheet.planned')} {formatDuration(locale, doc.plannedMinutes)} | {t('timeclock.sheet.actual')} <span data-testid="ts-minutes">{formatDuration(locale, doc.roundedMinutes)}</span>
        {delta !== null && (
          <>
            {' '}
            <DurationDelta minutes={delta} testId="ts-delta" />
          </>
        )}{' '}
        | {t('timeclock.sheet.breaks')} {formatDuration(locale, doc.breakMinutes)} | {t('timeclock.sheet.night')} {formatDuration(locale, doc.nightMinutes)}
      </p>
      {doc.anomalies.length > 0 && (
        <p className="alert alert--warning" data-testid="ts-anomalies">
          {doc.anomalies.map((a) => enumLabel(t, 'timeAnomaly', a)).join(' / ')}
        </p>
      )}
      {doc.status === 'DISPUTED' && (
        <p className="alert alert--warning" data-testid="ts-dispute">
          {t('timeclock.list.disputed', { comment: doc.crewComment ?? '' })}
        </p>
      )}
      {doc.adjustReason && <p className="note">{t('timeclock.list.adjustedBecause', { reason: doc.adjustReason })}</p>}
      <IntegrityNotes doc={doc} overlaps={overlaps} breaks={integrity.breaks.get(doc.id)} open={open} prefix="ts" />
      <div className="form__actions">
        {doc.status !== 'VALIDATED' && (
          <button type="button" className="button button--primary button--small" data-testid="ts-validate" onClick={props.onValidate}>
            {t('timeclock.list.validate')}
          </button>
        )}
        {doc.status === 'VALIDATED' && open.length > 0 && (
          <button type="button" className="button button--primary button--small" data-testid="ts-revalidate" onClick={props.onValidate}>
            {t('timeclock.revalidate.action')}
          </button>
        )}
        <button type="button" className="button button--secondary button--small" data-testid="ts-adjust" onClick={() => setAdjusting((v) => !v)}>
          {t('timeclock.list.adjust')}
        </button>
        <button type="button" className="button button--ghost button--small" data-testid="ts-show-punches" onClick={() => setShowPunches((v) => !v)}>
          {t('timeclock.list.punches', { count: doc.punchIds.length })}
        </button>
      </div>
      {adjusting && <AdjustForm doc={doc} onDone={() => setAdjusting(false)} />}
      {showPunches && <PunchList ids={doc.punchIds} userId={doc.userId} />}
    </article>
  );
}
