import { useDroppable } from '@dnd-kit/core';
import { useId, useRef } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';
import type { DropData } from './drop-outcome';
import { missionLabel } from './mission-label';
import { MissionSummary } from './MissionSummary';
import { barGeometry } from './timeline-axis';
import { useFocusWhenPicked } from './useFocusWhenPicked';

export const LANE_PX = 30;

/** A mission on the timeline's missions lane: drop a person on it to invite them; A opens the person picker. */
export function TimelineMissionBar({ mission, lane }: { mission: MissionDoc; lane: number }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const drop = useDroppable({ id: `tlm:${mission.id}`, data: { kind: 'timeline-mission', missionId: mission.id } satisfies DropData });
  const iv = ui.intervalOf(mission);
  const picked = ui.picked?.kind === 'mission' && ui.picked.missionId === mission.id;
  const node = useRef<HTMLDivElement | null>(null);
  useFocusWhenPicked(node, picked, iv.start, mission.id);
  const g = barGeometry(iv.start, iv.end, ui.model.from, ui.model.to);
  const list = ui.model.assignmentsByMission.get(mission.id) ?? [];
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.has(`missions:${mission.id}`);
  // The name is the visible text (time and title, WCAG 2.5.3 label in name); the full sentence is the description.
  const descriptionId = useId();
  return (
    <div
      ref={(el) => {
        node.current = el;
        drop.setNodeRef(el);
      }}
      className={`cal-tl__bar cal-tl__mission cal-mission--${mission.status}${drop.isOver ? ' is-over' : ''}${picked ? ' is-picked' : ''}${ui.selectedId === mission.id ? ' is-selected' : ''}`}
      style={{ left: `${g.left}%`, width: `${g.width}%`, top: `${lane * LANE_PX}px` }}
      title={mission.title}
      role="button"
      tabIndex={0}
      aria-roledescription={t('calendar.mission.role')}
      aria-describedby={descriptionId}
      aria-pressed={picked}
      data-testid={`cal-tl-mission-${mission.id}`}
      data-mission={mission.id}
      data-conflict={conflict}
      onKeyDown={(event) => ui.onMissionKey(event, mission, 'grid')}
      onClick={() => ui.select(mission.id)}
    >
      <MissionSummary mission={mission} compact />
      <span id={descriptionId} hidden>
        {missionLabel(t, locale, mission, iv, ui.tz, list, conflict, refused)}
      </span>
    </div>
  );
}
