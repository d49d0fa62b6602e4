import { useMemo } from 'react';
import { useI18n } from '../../../i18n/useT';
import { dateLabel } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import { assignLanes } from './grid-layout';
import { timelineTicks } from './timeline-axis';
import { LANE_PX, TimelineMissionBar } from './TimelineMissionBar';
import { TimelineRow, type RowItem } from './TimelineRow';

/**
 * The timeline: a row per person (users), the range's days (or one day's hours) across on a real-time axis,
 * the missions on a lane at the top (drop people on them) and each person's assignments on their row.
 */
export function TimelineView({ days, hours }: { days: readonly string[]; hours: boolean }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const { model, tz, intervalOf, picked } = ui;
  const ticks = useMemo(() => timelineTicks(days, tz, hours), [days, tz, hours]);
  const missionLanes = useMemo(
    () => assignLanes(model.missions.map((m) => ({ id: m.id, startMin: intervalOf(m).start, endMin: intervalOf(m).end }))),
    [model.missions, intervalOf],
  );
  const rows = useMemo(() => {
    const byUser = new Map<string, Omit<RowItem, 'lane'>[]>();
    for (const m of model.missions) {
      for (const a of model.assignmentsByMission.get(m.id) ?? []) {
        const row = picked?.kind === 'assignment' && picked.assignmentId === a.id ? picked.toUserId : a.userId;
        const list = byUser.get(row);
        if (list) list.push({ assignment: a, mission: m });
        else byUser.set(row, [{ assignment: a, mission: m }]);
      }
    }
    const out = new Map<string, { items: RowItem[]; lanes: number }>();
    for (const [userId, list] of byUser) {
      const placed = assignLanes(list.map((it) => ({ ...it, startMin: intervalOf(it.mission).start, endMin: intervalOf(it.mission).end })));
      out.set(userId, { items: placed, lanes: placed.reduce((n, p) => Math.max(n, p.lanes), 1) });
    }
    return out;
  }, [model, intervalOf, picked]);
  const laneCount = missionLanes.reduce((n, m) => Math.max(n, m.lanes), 1);
  const lines = ticks.map((tick) => ((tick.at - model.from) / (model.to - model.from)) * 100);
  return (
    <div className={`cal-tl${hours ? ' cal-tl--hours' : ''}`} role="grid" aria-label={t('calendar.timeline.label')} data-testid="cal-timeline">
      <div className="cal-tl__row cal-tl__head" role="row">
        <div className="cal-tl__label" role="columnheader">
          {t('calendar.timeline.people')}
        </div>
        <div className="cal-tl__track cal-tl__ticks" role="presentation">
          {ticks.map((tick) => (
            <div key={tick.at} className="cal-tl__tick" style={{ width: `${tick.width}%` }}>
              {hours ? tick.label : dateLabel(locale, tick.label, 'weekday')}
            </div>
          ))}
        </div>
      </div>
      <div className="cal-tl__body">
        <div className="cal-tl__lines" aria-hidden="true">
          {lines.map((l) => (
            <div key={l} className="cal-tl__line" style={{ left: `${l}%` }} />
          ))}
        </div>
        <div className="cal-tl__row cal-tl__missions" role="row">
          <div className="cal-tl__label" role="rowheader">
            {t('calendar.timeline.missions')}
          </div>
          <div className="cal-tl__track" style={{ height: `${laneCount * LANE_PX}px` }} role="gridcell" data-testid="cal-tl-missions">
            {missionLanes.map((m) => {
              const mission = model.missionById.get(m.id);
              return mission ? <TimelineMissionBar key={m.id} mission={mission} lane={m.lane} /> : null;
            })}
          </div>
        </div>
        {model.people.map((user) => {
          const row = rows.get(user.id);
          return <TimelineRow key={user.id} user={user} items={row?.items ?? []} lanes={row?.lanes ?? 1} />;
        })}
        {model.people.length === 0 && <p className="muted cal-tl__empty">{t('calendar.timeline.nobody')}</p>}
      </div>
    </div>
  );
}
