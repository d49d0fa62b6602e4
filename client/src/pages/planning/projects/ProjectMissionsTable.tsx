import { useState } from 'react';
import { Link } from 'react-router';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import type { AssignmentDoc, MissionDoc } from '../../../data/types';
import { StatusBadge } from '../../../components/StatusBadge';

/** A project's missions, sortable by start, with how many people are assigned (active) to each. */
export function ProjectMissionsTable({ missions, assignments, tz }: { missions: MissionDoc[]; assignments: AssignmentDoc[]; tz: string }) {
  const { t, locale } = useI18n();
  const [asc, setAsc] = useState(true);
  const sorted = [...missions].sort((a, b) => (asc ? a.startAt.localeCompare(b.startAt) : b.startAt.localeCompare(a.startAt)));
  const active = (id: string) => assignments.filter((a) => a.missionId === id && (a.status === 'INVITED' || a.status === 'ACCEPTED')).length;
  if (missions.length === 0) return <p className="muted">{t('planProjects.noMissions')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="project-missions-table" data-sort={asc ? 'asc' : 'desc'}>
        <thead>
          <tr>
            <th>{t('planMissions.title')}</th>
            <th aria-sort={asc ? 'ascending' : 'descending'}>
              <button type="button" className="link-button" data-testid="project-missions-sort" onClick={() => setAsc((v) => !v)}>
                {t('planMissions.start')} {asc ? '\u2191' : '\u2193'}
              </button>
            </th>
            <th>{t('planMissions.end')}</th>
            <th>{t('planMissions.status')}</th>
            <th>{t('planProjects.assigned')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) => (
            <tr key={m.id} data-testid={`project-mission-row-${m.id}`}>
              <td data-label={t('planMissions.title')}>
                <Link to={`/planning/missions/${m.id}`}>{m.title}</Link>
              </td>
              <td data-label={t('planMissions.start')}>{formatInZone(locale, m.startAt, tz)}</td>
              <td data-label={t('planMissions.end')}>{formatInZone(locale, m.endAt, tz)}</td>
              <td data-label={t('planMissions.status')}>
                <StatusBadge group="mission" status={m.status} />
              </td>
              <td data-label={t('planProjects.assigned')}>{active(m.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
