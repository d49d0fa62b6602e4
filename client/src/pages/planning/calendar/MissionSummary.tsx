import { useI18n } from '../../../i18n/useT';
import { AssignmentDots } from './AssignmentDots';
import { timeIn } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';

/** What a mission shows on every view: time, title, flags, and its assignments by status (once per mission). */
export function MissionSummary({ mission, compact = false, people = true }: { mission: MissionDoc; compact?: boolean; people?: boolean }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const iv = ui.intervalOf(mission);
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.has(`missions:${mission.id}`);
  return (
    <>
      <span className="cal-mission__time">
        {compact ? timeIn(locale, iv.start, ui.tz) : t('calendar.timeRange', { start: timeIn(locale, iv.start, ui.tz), end: timeIn(locale, iv.end, ui.tz) })}
      </span>{' '}
      <span className="cal-mission__title">{mission.title}</span>
      {conflict && <span className={`cal-flag cal-flag--${conflict}`} aria-hidden="true" title={t(`calendar.mission.conflict.${conflict}`)} />}
      {refused && <span className="cal-flag cal-flag--refused" aria-hidden="true" title={t('calendar.mission.refused')} />}
      {people && <AssignmentDots list={ui.model.assignmentsByMission.get(mission.id) ?? []} compact={compact} />}
    </>
  );
}
