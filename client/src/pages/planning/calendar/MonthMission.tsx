import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useId, useRef } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';
import type { DragData } from './drop-outcome';
import { missionLabel } from './mission-label';
import { MissionSummary } from './MissionSummary';
import { useFocusWhenPicked } from './useFocusWhenPicked';

/** A mission in a month cell: drag it to another day (its local time and duration stay). */
export function MonthMission({ mission }: { mission: MissionDoc }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const move = useDraggable({ id: `mission:${mission.id}`, data: { kind: 'mission', missionId: mission.id } satisfies DragData, disabled: !ui.canWrite });
  const picked = ui.picked?.kind === 'mission' && ui.picked.missionId === mission.id;
  const iv = ui.intervalOf(mission);
  const node = useRef<HTMLDivElement | null>(null);
  useFocusWhenPicked(node, picked, iv.start, mission.id);
  const list = ui.model.assignmentsByMission.get(mission.id) ?? [];
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.has(`missions:${mission.id}`);
  // The name is the visible text (time and title, WCAG 2.5.3 label in name); the full sentence is the description,
  // then the drag instructions when it moves.
  const descriptionId = useId();
  return (
    <div
      ref={(el) => {
        node.current = el;
        move.setNodeRef(el);
      }}
      {...(ui.canWrite ? move.attributes : {})}
      {...(ui.canWrite ? move.listeners : {})}
      className={`cal-chip cal-mission--${mission.status}${move.isDragging ? ' is-dragging' : ''}${picked ? ' is-picked' : ''}${ui.selectedId === mission.id ? ' is-selected' : ''}`}
      style={{ transform: CSS.Translate.toString(move.transform) }}
      title={mission.title}
      role="button"
      tabIndex={0}
      aria-roledescription={t('calendar.mission.role')}
      aria-describedby={ui.canWrite ? `${descriptionId} ${move.attributes['aria-describedby']}` : descriptionId}
      aria-pressed={picked}
      data-testid={`cal-mission-${mission.id}`}
      data-mission={mission.id}
      data-status={mission.status}
      data-start={iv.start}
      data-conflict={conflict}
      data-refused={refused ? 'true' : undefined}
      onKeyDown={(event) => ui.onMissionKey(event, mission, 'month')}
      onClick={() => ui.select(mission.id)}
    >
      <MissionSummary mission={mission} compact />
      <span id={descriptionId} hidden>
        {missionLabel(t, locale, mission, iv, ui.tz, list, conflict, refused)}
      </span>
    </div>
  );
}
