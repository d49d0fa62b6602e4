import { useDroppable } from '@dnd-kit/core';
import { useCalendarUi } from './calendar-context';
import { HOUR_PX, type DropData } from './drop-outcome';
import type { Segment } from './grid-layout';
import { MissionBlock } from './MissionBlock';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** One local day of the week or day grid: 24 wall-clock hours, a drop target for moves and resizes. */
export function DayColumn({ date, segments }: { date: string; segments: readonly Segment[] }) {
  const ui = useCalendarUi();
  const { setNodeRef, isOver } = useDroppable({ id: `day:${date}`, data: { kind: 'day-column', date } satisfies DropData });
  return (
    <div ref={setNodeRef} className={`cal-col${isOver ? ' is-over' : ''}`} style={{ height: `${24 * HOUR_PX}px` }} data-testid={`cal-day-${date}`} data-drop-date={date}>
      {HOURS.map((h) => (
        <div key={h} className="cal-col__hour" style={{ top: `${h * HOUR_PX}px`, height: `${HOUR_PX}px` }} aria-hidden="true" />
      ))}
      {segments.map((s) => {
        const mission = ui.model.missionById.get(s.id);
        return mission ? <MissionBlock key={`${s.id}:${s.date}`} mission={mission} segment={s} /> : null;
      })}
    </div>
  );
}
