import { localDate, timeRulesOf } from '@coulisses/shared';
import { minutesToHours, monthlyPayroll, paieMensuelleCsv, payrollTimesheetsOf, rateProfilesOf, type MonthlyPayroll } from '@coulisses/shared/payroll/index';
import { useEffect, useMemo, useState } from 'react';
import { apiRequest } from '../../../api/http';
import { enumLabel } from '../../../i18n/enum-label';
import { formatDecimal, formatDuration, formatInZone, formatLocalDate, formatMoney } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useAssignments, useMissions, useProjects, useReference, useUsers } from '../../../data/queries';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { useOnline, useTimesheets } from '../timesheets/timesheet-data';
import { RateProfiles } from './RateProfiles';

type StatusChoice = 'VALIDATED' | 'VALIDATED,CONFIRMED';

/** Saves a text as a file through a temporary link (the browser's download). */
function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Temps & Paie: the month's hours, cachets and gross amounts per person and per project, and the CSV for the
 * payroll office. Overlapping timesheets of one person are paid once, and listed.
 */
export function PayrollTab() {
  const { t, locale } = useI18n();
  const { tz, settings } = useOrgContext();
  const online = useOnline();
  const [month, setMonth] = useState(() => localDate(Date.now(), tz).slice(0, 7));
  const [statuses, setStatuses] = useState<StatusChoice>('VALIDATED');
  const [server, setServer] = useState<{ key: string; data: MonthlyPayroll } | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);

  const { docs: timesheets } = useTimesheets();
  const { docs: users } = useUsers();
  const { docs: missions } = useMissions();
  const { docs: assignments } = useAssignments();
  const { docs: projects } = useProjects();
  const { docs: references } = useReference('rate_profile');
  const key = `${month}|${statuses}`;
  // A change of the local timesheets (a validation synced meanwhile) asks the server again.
  const localStamp = timesheets.map((d) => `${d.id}:${d.updatedAt}`).join(',');

  useEffect(() => {
    if (!online || !/^\d{4}-\d{2}$/.test(month)) return undefined;
    let live = true;
    apiRequest<MonthlyPayroll>(`/api/v1/payroll/${month}?statuses=${statuses}`)
      .then((data) => {
        if (!live) return;
        setServer({ key, data });
        setFailedKey(null);
      })
      .catch(() => live && setFailedKey(key));
    return () => {
      live = false;
    };
  }, [online, month, statuses, key, localStamp]);

  const local = useMemo(() => {
    const sheets = payrollTimesheetsOf(timesheets, missions, assignments);
    return monthlyPayroll({
      month, zone: tz, rules: timeRulesOf(settings, tz), timesheets: sheets, statuses: statuses.split(','),
      users: users.map((u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName, employmentType: u.employmentType })),
      profiles: rateProfilesOf(references),
    });
  }, [timesheets, users, missions, assignments, references, month, statuses, tz, settings]);

  const serverFailed = failedKey === key;
  const fromServer = online && !serverFailed && server?.key === key;
  const data = fromServer ? server!.data : local;
  const overlaps = data.overlaps ?? [];
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const sheetsById = new Map(timesheets.map((d) => [d.id, d]));
  const nameOf = new Map(users.map((u) => [u.id, `${u.lastName} ${u.firstName}`.trim()]));

  function exportCsv() {
    const filename = `paie_mensuelle_${month}.csv`;
    if (online && !serverFailed) {
      download(`/api/v1/payroll/${month}/paie_mensuelle.csv?statuses=${statuses}`, filename);
      return;
    }
    const url = URL.createObjectURL(new Blob([paieMensuelleCsv(local.people)], { type: 'text/csv;charset=utf-8' }));
    download(url, filename);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="stack" data-testid="payroll-tab">
      <div className="input-row">
        <label className="field">
          <span className="field__label">{t('timeclock.payroll.month')}</span>
          <input className="field__input" type="month" data-testid="payroll-month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('timeclock.payroll.statuses')}</span>
          <select className="field__input" data-testid="payroll-statuses" value={statuses} onChange={(e) => setStatuses(e.target.value as StatusChoice)}>
            <option value="VALIDATED">{t('timeclock.payroll.validatedOnly')}</option>
            <option value="VALIDATED,CONFIRMED">{t('timeclock.payroll.validatedAndConfirmed')}</option>
          </select>
        </label>
        <button type="button" className="button button--primary" data-testid="payroll-export" onClick={exportCsv}>
          {t('timeclock.payroll.export')}
        </button>
      </div>
      <p className="muted" data-testid="payroll-source" data-source={fromServer ? 'server' : 'local'}>
        {fromServer ? t('timeclock.payroll.fromServer') : t('timeclock.payroll.fromDevice')}
      </p>
      <p data-testid="payroll-skipped">{t('timeclock.payroll.skipped', { count: data.skipped })}</p>

      <h2>{t('timeclock.payroll.perPerson')}</h2>
      {data.people.length === 0 ? (
        <p className="muted">{t('timeclock.payroll.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="payroll-people">
            <thead>
              <tr>
                <th>{t('timeclock.payroll.person')}</th>
                <th>{t('timeclock.payroll.contract')}</th>
                <th>{t('timeclock.payroll.days')}</th>
                <th>{t('timeclock.payroll.hours')}</th>
                <th>{t('timeclock.payroll.cachets')}</th>
                <th>{t('timeclock.payroll.franceTravailHours')}</th>
                <th>{t('timeclock.payroll.nightHours')}</th>
                <th>{t('timeclock.payroll.gross')}</th>
                <th>{t('timeclock.payroll.unrated')}</th>
                <th>{t('timeclock.payroll.overlapHours')}</th>
              </tr>
            </thead>
            <tbody>
              {data.people.map((r) => (
                <tr key={r.userId} data-testid="payroll-person" data-user={r.userId}>
                  <td>{r.name}</td>
                  <td>{enumLabel(t, 'employmentType', r.contractType)}</td>
                  <td>{r.daysWorked}</td>
                  <td>{formatDecimal(locale, r.hours)}</td>
                  <td>{r.cachets}</td>
                  <td>{formatDecimal(locale, r.franceTravailHours)}</td>
                  <td>{formatDecimal(locale, r.nightHours)}</td>
                  <td>{formatMoney(locale, r.grossCents)}</td>
                  <td>{r.unrated}</td>
                  <td data-testid="payroll-overlap-hours">{formatDecimal(locale, minutesToHours(r.overlapMinutes ?? 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {overlaps.length > 0 && (
        <section className="alert alert--warning stack" data-testid="payroll-overlaps" data-count={overlaps.length}>
          <h2>{t('timeclock.payroll.overlapsTitle')}</h2>
          <p>{t('timeclock.payroll.overlapsIntro', { count: overlaps.length })}</p>
          <ul>
            {overlaps.map((o) => {
              const [a, b] = o.timesheetIds.map((id) => sheetsById.get(id));
              const time = (iso: string | null | undefined) => (iso ? formatInZone(locale, iso, tz, 'time') : '?');
              return (
                <li key={o.timesheetIds.join('-')} data-testid="payroll-overlap">
                  {t('timeclock.overlap.pair', {
                    name: nameOf.get(o.userId) ?? o.userId,
                    date: formatLocalDate(locale, o.dates[0]), from: time(a?.startAt), to: time(a?.endAt),
                    otherDate: formatLocalDate(locale, o.dates[1]), otherFrom: time(b?.startAt), otherTo: time(b?.endAt), duration: formatDuration(locale, o.minutes),
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <h2>{t('timeclock.payroll.perProject')}</h2>
      {data.projects.length === 0 && <p className="muted">{t('timeclock.payroll.empty')}</p>}
      {data.projects.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="payroll-projects">
            <thead>
              <tr>
                <th>{t('timeclock.payroll.project')}</th>
                <th>{t('timeclock.payroll.hours')}</th>
                <th>{t('timeclock.payroll.cachets')}</th>
                <th>{t('timeclock.payroll.gross')}</th>
              </tr>
            </thead>
            <tbody>
              {data.projects.map((p) => (
                <tr key={p.projectId ?? 'none'}>
                  <td>{p.projectId ? (projectName.get(p.projectId) ?? p.projectId) : t('timeclock.payroll.noProject')}</td>
                  <td>{formatDecimal(locale, p.hours)}</td>
                  <td>{p.cachets}</td>
                  <td>{formatMoney(locale, p.grossCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t('timeclock.payroll.disclaimer')}</p>

      <RateProfiles />
    </div>
  );
}
