import { DndContext, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { fromIso } from '@coulisses/shared/planning/moves';
import { useI18n } from '../../../i18n/useT';
import type { CalendarModel } from './calendar-model';
import { HOUR_PX, dropOutcome, type DragData, type DropData, type DropOutcome } from './drop-outcome';

const ACCEPTS: Record<DragData['kind'], DropData['kind'][]> = {
  mission: ['day-column', 'month-cell'],
  resize: ['day-column'],
  person: ['timeline-mission'],
  assignment: ['person-row'],
};

/** Only targets that make sense for what is dragged; the one under the pointer (a moved mission may fall back to overlap). */
const collision: CollisionDetection = (args) => {
  const kind = (args.active.data.current as DragData | undefined)?.kind;
  if (!kind) return [];
  const scoped = { ...args, droppableContainers: args.droppableContainers.filter((c) => ACCEPTS[kind].includes((c.data.current as DropData | undefined)?.kind as DropData['kind'])) };
  const hits = pointerWithin(scoped);
  return hits.length > 0 || kind !== 'mission' ? hits : rectIntersection(scoped);
};

/**
 * Pointer drag and drop of the calendar (@dnd-kit/core): moves and resizes missions, drops people on
 * missions, moves assignments between people. The drop's geometry is read from the DOM when it happens
 * (the pointer's last position and the column under it), so scrolling during the drag does not matter.
 */
export function CalendarDnd({ model, tz, onOutcome, children }: { model: CalendarModel; tz: string; onOutcome: (o: DropOutcome) => void; children: ReactNode }) {
  const { t } = useI18n();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const pointer = useRef({ x: 0, y: 0 });
  const track = useCallback((event: PointerEvent) => {
    pointer.current = { x: event.clientX, y: event.clientY };
  }, []);
  const stopTracking = useCallback(() => window.removeEventListener('pointermove', track, true), [track]);

  // Where the pointer went down (the sensor's activator event is not reliable for this), to know where on
  // the dragged element it was grabbed.
  const down = useRef({ x: 0, y: 0 });
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      down.current = { x: event.clientX, y: event.clientY };
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, []);

  const onDragStart = useCallback(() => {
    pointer.current = { ...down.current };
    window.addEventListener('pointermove', track, true);
  }, [track]);

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      stopTracking();
      const drag = active.data.current as DragData | undefined;
      const drop = over?.data.current as DropData | undefined;
      if (!drag || !drop) return;
      const mission = drag.kind === 'mission' || drag.kind === 'resize' ? model.missionById.get(drag.missionId) : undefined;
      let geometry = null;
      if (drop.kind === 'day-column') {
        const column = document.querySelector<HTMLElement>(`.cal-col[data-drop-date="${drop.date}"]`);
        if (!column) return;
        // The dragged element's rect before it moved (measured by dnd-kit once the drag started).
        const initial = active.rect.current.initial;
        geometry = { pointerY: pointer.current.y, grabOffsetY: initial ? down.current.y - initial.top : 0, columnTop: column.getBoundingClientRect().top, hourPx: HOUR_PX };
      }
      const outcome = dropOutcome(drag, drop, mission ? fromIso(mission) : null, geometry, tz);
      if (outcome) onOutcome(outcome);
    },
    [model, tz, onOutcome, stopTracking],
  );

  const accessibility = useMemo(
    () => ({
      screenReaderInstructions: { draggable: t('calendar.instructions') },
      announcements: {
        onDragStart: () => t('calendar.dnd.start'),
        onDragOver: () => undefined,
        onDragEnd: () => undefined,
        onDragCancel: () => t('calendar.dnd.cancel'),
      },
    }),
    [t],
  );

  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={stopTracking} accessibility={accessibility} autoScroll={{ threshold: { x: 0.05, y: 0.08 } }}>
      {children}
    </DndContext>
  );
}
