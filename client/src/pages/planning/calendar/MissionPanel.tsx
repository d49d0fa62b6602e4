import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/useT';
import { whenParts } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import { personName } from './calendar-types';
import { reasonText } from './reason-text';
import { enumLabel } from '../../../i18n/enum-label';

/** The selected mission: when, status, its people by status, and the Assign... action. */
export function MissionPanel({ missionId, projectName }: { missionId: string; projectName: string | null }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const node = useRef<HTMLElement | null>(null);
  // Under the grid (narrow screens) the panel would open out of sight: bring it into view, without taking the focus.
  useEffect(() => {
    if (node.current && window.matchMedia('(max-width: 1099px)').matches) node.current.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [missionId]);
  const mission = ui.model.missionById.get(missionId);
  if (!mission) return null;
  const when = whenParts(locale, ui.intervalOf(mission), ui.tz);
  const list = ui.model.allByMission.get(mission.id) ?? [];
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.get(`missions:${mission.id}`);
  return (
    <section ref={node} className="card cal-panel" aria-labelledby="cal-panel-title" data-testid="cal-panel">
      <div className="cal-panel__head">
        <h3 id="cal-panel-title">{mission.title}</h3>
        <button type="button" className="button button--ghost button--small" onClick={() => ui.select(null)} data-testid="cal-panel-close">
          {t('calendar.panel.close')}
        </button>
      </div>
      <p>
        {t('calendar.panel.when', when)} <span className={`badge cal-badge--${mission.status}`}>{enumLabel(t, 'missionStatus', mission.status)}</span>
        {projectName && <> {t('calendar.panel.project', { name: projectName })}</>}
      </p>
      {conflict && <p className={`alert ${conflict === 'error' ? 'alert--error' : 'alert--warning'}`}>{t(`calendar.mission.conflict.${conflict}`)}</p>}
      {refused && <p className="alert alert--error">{t('calendar.panel.refused', { reason: reasonText(t, locale, refused.code, refused.message) })}</p>}
      <h4>{t('calendar.panel.people')}</h4>
      {list.length === 0 ? (
        <p className="muted">{t('calendar.panel.nobody')}</p>
      ) : (
        <ul className="cal-panel__people">
          {list.map((a) => (
            <li key={a.id} data-testid={`cal-panel-assignment-${a.id}`}>
              <span className={`cal-dot cal-status--${a.status}`} aria-hidden="true" /> {personName(ui.model.usersById.get(a.userId))} - {enumLabel(t, 'assignmentStatus', a.status)}
              {ui.model.conflicts.byAssignment.get(a.id) && <span className={`cal-flag cal-flag--${ui.model.conflicts.byAssignment.get(a.id)}`} title={t('calendar.panel.inConflict')} />}
            </li>
          ))}
        </ul>
      )}
      {ui.canWrite && (
        <button type="button" className="button button--primary button--small" onClick={() => ui.openAssign(mission.id)} data-testid="cal-panel-assign">
          {t('calendar.panel.assign')}
        </button>
      )}
    </section>
  );
}
