import { Link } from 'react-router';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../../i18n/useT';
import type { MissionDoc } from '../../../../data/types';
import type { MissionActions } from '../../../../data/planning/useMissionActions';
import { StatusBadge } from '../../../../components/StatusBadge';
import { enumLabel } from '../../../../i18n/enum-label';
import { CoverageChip } from '../../calendar/CoverageChip';
import type { Coverage } from '../../calendar/coverage';
import { RowMenu } from '../ui/RowMenu';

/** One mission of the list: selection box, what and when, staffing and coverage, publish, and a menu for the rest. */
export function MissionRow({ m, projectName, venueName, staffed, coverage, selected, onSelect, actions, tz, refused }: { m: MissionDoc; projectName: string; venueName: string; staffed: number; coverage: Coverage | null; selected: boolean; onSelect: (on: boolean) => void; actions: MissionActions | null; tz: string; refused: boolean }) {
  const { t, locale } = useI18n();
  return (
    <tr data-testid={`mission-row-${m.id}`} data-status={m.status}>
      <td>
        <input type="checkbox" className="row-check" aria-label={t('planMissions.selectOne', { title: m.title })} data-testid={`mission-select-${m.id}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <td data-label={t('planMissions.title')}>
        <Link to={`/planning/missions/${m.id}`} data-testid={`mission-open-${m.id}`} className="break">
          {m.title}
        </Link>
        {refused && (
          <span className="badge badge--rejected" data-testid={`mission-refused-${m.id}`}>
            {t('projects.refused')}
          </span>
        )}
        <div className="muted small">{[projectName, venueName].filter(Boolean).join(' - ')}</div>
      </td>
      <td data-label={t('planMissions.when')}>
        {formatInZone(locale, m.startAt, tz)} - {formatInZone(locale, m.endAt, tz, 'time')}
      </td>
      <td data-label={t('planMissions.type')}>{enumLabel(t, 'missionType', m.type)}</td>
      <td data-label={t('planMissions.status')}>
        <StatusBadge group="mission" status={m.status} testId={`mission-status-${m.id}`} />
      </td>
      <td data-label={t('planMissions.staffed')}>
        {coverage ? <CoverageChip coverage={coverage} testId={`mission-coverage-${m.id}`} /> : staffed}
      </td>
      <td className="row-actions">
        {m.status === 'DRAFT' && (
          <button type="button" className="button button--secondary button--small" data-testid={`mission-publish-${m.id}`} disabled={!actions} onClick={() => void actions?.publish([m])}>
            {t('planMissions.publish')}
          </button>
        )}
        <RowMenu
          name={m.title}
          testId={`mission-menu-${m.id}`}
          actions={[
            { id: 'duplicate', label: t('planMissions.duplicate'), disabled: !actions, testId: `mission-duplicate-${m.id}`, onSelect: () => void actions?.duplicate([m]) },
            ...(m.status !== 'CANCELLED'
              ? [{ id: 'cancel', label: t('planMissions.cancelMission'), disabled: !actions, testId: `mission-cancel-${m.id}`, confirm: { title: t('planActions.cancelTitle'), body: t('planActions.cancelBody', { title: m.title }) }, onSelect: () => void actions?.cancel(m.id) }]
              : []),
          ]}
        />
      </td>
    </tr>
  );
}
