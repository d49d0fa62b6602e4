import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useId, useRef } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';
import { HOUR_PX, type DragData } from './drop-outcome';
import type { Segment } from './grid-layout';
import { missionLabel } from './mission-label';
import { MissionSummary } from './MissionSummary';
import { useFocusWhenPicked } from './useFocusWhenPicked';

/**
 * A mission's part on one day of the week or day grid. The part where it starts moves it (pointer drag,
 * or keyboard), the part where it ends has a handle that resizes its end.
 */
export function MissionBlock({ mission, segment }: { mission: MissionDoc; segment: Segment }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const movable = ui.canWrite && segment.first;
  const { setNodeRef: setMoveRef, attributes, listeners, transform, isDragging } = useDraggable({ id: `mission:${mission.id}`, data: { kind: 'mission', missionId: mission.id } satisfies DragData, disabled: !movable });
  const { setNodeRef: setResizeRef, listeners: resizeListeners, transform: resizeTransform, isDragging: resizing } = useDraggable({ id: `resize:${mission.id}`, data: { kind: 'resize', missionId: mission.id } satisfies DragData, disabled: !(ui.canWrite && segment.last) });
  const picked = ui.picked?.kind === 'mission' && ui.picked.missionId === mission.id;
  const body = useRef<HTMLDivElement | null>(null);
  useFocusWhenPicked(body, picked && segment.first, segment.date, segment.first ? mission.id : `${mission.id}/${segment.date}`);

  const list = ui.model.assignmentsByMission.get(mission.id) ?? [];
  const conflict = ui.model.conflicts.byMission.get(mission.id);
  const refused = ui.model.refused.has(`missions:${mission.id}`);
  const height = ((segment.endMin - segment.startMin) / 60) * HOUR_PX + (resizeTransform?.y ?? 0);
  const style = {
    top: `${(segment.startMin / 60) * HOUR_PX}px`,
    height: `${Math.max(HOUR_PX / 4, height)}px`,
    left: `${(segment.lane / segment.lanes) * 100}%`,
    width: `${100 / segment.lanes}%`,
    transform: CSS.Translate.toString(transform),
  };
  const id = segment.first ? `cal-mission-${mission.id}` : `cal-mission-${mission.id}-${segment.date}`;
  const setRefs = (node: HTMLDivElement | null) => {
    body.current = node;
    setMoveRef(node);
  };
  // The name is the visible text (time and title, WCAG 2.5.3 label in name); the full sentence is the description,
  // then the drag instructions when it moves.
  const descriptionId = useId();
  return (
    <div
      ref={setRefs}
      {...(movable ? attributes : {})}
      {...(movable ? listeners : {})}
      className={`cal-mission cal-mission--${mission.status}${isDragging || resizing ? ' is-dragging' : ''}${picked ? ' is-picked' : ''}${ui.selectedId === mission.id ? ' is-selected' : ''}`}
      style={style}
      title={mission.title}
      role="button"
      tabIndex={segment.first ? 0 : -1}
      aria-roledescription={t('calendar.mission.role')}
      aria-describedby={movable ? `${descriptionId} ${attributes['aria-describedby']}` : descriptionId}
      aria-pressed={picked}
      data-testid={id}
      data-mission={mission.id}
      data-status={mission.status}
      data-start={ui.intervalOf(mission).start}
      data-conflict={conflict}
      data-refused={refused ? 'true' : undefined}
      onKeyDown={(event) => ui.onMissionKey(event, mission, 'grid')}
      onClick={() => ui.select(mission.id)}
    >
      <MissionSummary mission={mission} people={segment.first} />
      <span id={descriptionId} hidden>
        {missionLabel(t, locale, mission, ui.intervalOf(mission), ui.tz, list, conflict, refused)}
      </span>
      {segment.last && ui.canWrite && (
        <div
          ref={setResizeRef}
          className="cal-mission__resize"
          aria-hidden="true"
          data-testid={`cal-resize-${mission.id}`}
          onPointerDown={(event) => {
            event.stopPropagation();
            resizeListeners?.onPointerDown?.(event);
          }}
          onClick={(event) => event.stopPropagation()}
        />
      )}
    </div>
  );
}
