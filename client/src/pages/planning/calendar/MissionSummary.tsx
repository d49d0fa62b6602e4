import { useI18n } from '../../../i18n/useT';
import { AssignmentDots } from './AssignmentDots';
import { timeIn } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';
import { missionCoverage } from './coverage';
import { CoverageChip } from './CoverageChip';

/**
 * What a mission shows on every view: time, title, coverage, flags, and its assignments by status (once per
 * mission). `time: false` leaves the time out (a narrow timeline bar shows the title first).
 */
export function MissionSummary({ mission, compact = false, people = true, time = true }: { mission: MissionDoc; compact?: boolean; people?: boolean; time?: boolean }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const iv = ui.intervalOf(mission);
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.has(`missions:${mission.id}`);
  const coverage = missionCoverage(mission, ui.model.allByMission.get(mission.id) ?? []);
  return (
    <>
      {time && (
        <>
          <span className="cal-mission__time">
            {compact ? (
              timeIn(locale, iv.start, ui.tz)
            ) : (
              <>
                <span className="cal-time--range">{t('calendar.timeRange', { start: timeIn(locale, iv.start, ui.tz), end: timeIn(locale, iv.end, ui.tz) })}</span>
                <span className="cal-time--start">{timeIn(locale, iv.start, ui.tz)}</span>
              </>
            )}
          </span>{' '}
        </>
      )}
      <span className="cal-mission__title">{mission.title}</span>
      {people && <CoverageChip coverage={coverage} testId={`cal-coverage-${mission.id}`} />}
      {conflict && <span className={`cal-flag cal-flag--${conflict}`} aria-hidden="true" title={t(`calendar.mission.conflict.${conflict}`)} />}
      {refused && <span className="cal-flag cal-flag--refused" aria-hidden="true" title={t('calendar.mission.refused')} />}
      {people && <AssignmentDots list={ui.model.assignmentsByMission.get(mission.id) ?? []} compact={compact} />}
    </>
  );
}
