import { useDraggable, useDroppable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useI18n } from '../../../i18n/useT';
import { useCalendarUi } from './calendar-context';
import { personName, type AssignmentDoc, type MissionDoc, type UserDoc } from './calendar-types';
import type { DragData, DropData } from './drop-outcome';
import { barGeometry } from './timeline-axis';
import { TimelineAssignmentBar } from './TimelineAssignmentBar';
import { LANE_PX } from './TimelineMissionBar';

export interface RowItem {
  assignment: AssignmentDoc;
  mission: MissionDoc;
  lane: number;
}

/** The person's name: drag it onto a mission of the missions lane to invite them. */
function PersonHandle({ user }: { user: UserDoc }) {
  const { t } = useI18n();
  const ui = useCalendarUi();
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: `person:${user.id}`, data: { kind: 'person', userId: user.id } satisfies DragData, disabled: !ui.canWrite });
  const name = personName(user);
  return (
    <div
      ref={setNodeRef}
      {...(ui.canWrite ? listeners : {})}
      className={`cal-tl__person${isDragging ? ' is-dragging' : ''}${user.active ? '' : ' is-inactive'}`}
      style={{ transform: CSS.Translate.toString(transform) }}
      title={ui.canWrite ? t('calendar.timeline.dragPerson', { name }) : name}
      data-testid={`cal-person-${user.id}`}
    >
      {name}
    </div>
  );
}

/** One person's row: their assignments in the range, and their declared unavailability (greyed, hatched when pending). */
export function TimelineRow({ user, items, lanes }: { user: UserDoc; items: readonly RowItem[]; lanes: number }) {
  const { t } = useI18n();
  const ui = useCalendarUi();
  const { setNodeRef, isOver } = useDroppable({ id: `row:${user.id}`, data: { kind: 'person-row', userId: user.id } satisfies DropData });
  const windows = ui.model.unavailable.get(user.id) ?? [];
  return (
    <div className={`cal-tl__row${isOver ? ' is-over' : ''}`} data-testid={`cal-tl-row-${user.id}`} role="row">
      <div className="cal-tl__label" role="rowheader">
        <PersonHandle user={user} />
      </div>
      <div ref={setNodeRef} className="cal-tl__track" style={{ height: `${Math.max(1, lanes) * LANE_PX}px` }} role="gridcell">
        {windows.map((w) => {
          const g = barGeometry(w.start, w.end, ui.model.from, ui.model.to);
          return (
            <div
              key={`${w.start}:${w.status}`}
              className={`cal-tl__unavail cal-tl__unavail--${w.status}`}
              style={{ left: `${g.left}%`, width: `${g.width}%` }}
              title={t(`calendar.timeline.unavailable.${w.status}`)}
              data-testid="cal-tl-unavailable"
              data-status={w.status}
            >
              <span className="visually-hidden">{t(`calendar.timeline.unavailable.${w.status}`)}</span>
            </div>
          );
        })}
        {items.map((it) => (
          <TimelineAssignmentBar key={it.assignment.id} assignment={it.assignment} mission={it.mission} lane={it.lane} />
        ))}
      </div>
    </div>
  );
}
