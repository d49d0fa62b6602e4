import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useRef } from 'react';
import { useI18n } from '../../../i18n/useT';
import { whenParts } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import { personName, type AssignmentDoc, type MissionDoc } from './calendar-types';
import type { DragData } from './drop-outcome';
import { barGeometry } from './timeline-axis';
import { LANE_PX } from './TimelineMissionBar';
import { useFocusWhenPicked } from './useFocusWhenPicked';
import { enumLabel } from '../../../i18n/enum-label';

/** A person's assignment on their timeline row, coloured by status: drag it to another row to reassign it. */
export function TimelineAssignmentBar({ assignment, mission, lane }: { assignment: AssignmentDoc; mission: MissionDoc; lane: number }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const canMove = ui.canWrite && (assignment.status === 'INVITED' || assignment.status === 'ACCEPTED');
  const drag = useDraggable({
    id: `assignment:${assignment.id}`,
    data: { kind: 'assignment', assignmentId: assignment.id, missionId: mission.id, userId: assignment.userId } satisfies DragData,
    disabled: !canMove,
  });
  const picked = ui.picked?.kind === 'assignment' && ui.picked.assignmentId === assignment.id;
  const row = picked && ui.picked?.kind === 'assignment' ? ui.picked.toUserId : assignment.userId;
  const node = useRef<HTMLDivElement | null>(null);
  useFocusWhenPicked(node, picked, row, assignment.id);
  const iv = ui.intervalOf(mission);
  const g = barGeometry(iv.start, iv.end, ui.model.from, ui.model.to);
  const conflict = ui.model.conflicts.byAssignment.get(assignment.id);
  const refused = ui.model.refused.has(`assignments:${assignment.id}`);
  const status = enumLabel(t, 'assignmentStatus', assignment.status);
  const label = t('calendar.timeline.assignmentLabel', { name: personName(ui.model.usersById.get(assignment.userId)), title: mission.title, status, ...whenParts(locale, iv, ui.tz) });
  return (
    <div
      ref={(el) => {
        node.current = el;
        drag.setNodeRef(el);
      }}
      {...(canMove ? drag.attributes : {})}
      {...(canMove ? drag.listeners : {})}
      className={`cal-tl__bar cal-status--${assignment.status}${drag.isDragging ? ' is-dragging' : ''}${picked ? ' is-picked' : ''}`}
      style={{
        left: `${g.left}%`,
        width: `${g.width}%`,
        top: `${lane * LANE_PX}px`,
        transform: CSS.Translate.toString(drag.transform),
      }}
      role="button"
      tabIndex={0}
      aria-roledescription={t('calendar.timeline.assignmentRole')}
      aria-label={[label, conflict ? t(`calendar.mission.conflict.${conflict}`) : '', refused ? t('calendar.mission.refused') : ''].filter(Boolean).join(', ')}
      aria-pressed={picked}
      data-testid={`cal-tl-assignment-${assignment.id}`}
      data-status={assignment.status}
      data-user={assignment.userId}
      data-conflict={conflict}
      data-refused={refused ? 'true' : undefined}
      onKeyDown={(event) => (canMove ? ui.onAssignmentKey(event, assignment) : undefined)}
      onClick={() => ui.select(mission.id)}
    >
      <span className="cal-tl__bar-text">{mission.title}</span>
      {conflict && <span className={`cal-flag cal-flag--${conflict}`} aria-hidden="true" />}
    </div>
  );
}
