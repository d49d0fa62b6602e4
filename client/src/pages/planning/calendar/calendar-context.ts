import { createContext, useContext, type KeyboardEvent } from 'react';
import type { Interval } from '@coulisses/shared/planning/moves';
import type { CalendarModel } from './calendar-model';
import type { AssignmentDoc, MissionDoc } from './calendar-types';
import type { CalendarView } from './calendar-url';
import type { KeyMode, Picked } from './keyboard-move';

/** What every view of the calendar reads: the model, the zone, the keyboard move, the selection. */
export interface CalendarUi {
  model: CalendarModel;
  tz: string;
  view: CalendarView;
  canWrite: boolean;
  picked: Picked | null;
  selectedId: string | null;
  select: (missionId: string | null) => void;
  openAssign: (missionId: string) => void;
  onMissionKey: (event: KeyboardEvent, mission: MissionDoc, mode: KeyMode) => void;
  onAssignmentKey: (event: KeyboardEvent, assignment: AssignmentDoc) => void;
  /** A mission's interval, or where the keyboard is moving it. */
  intervalOf: (mission: MissionDoc) => Interval;
}

export const CalendarContext = createContext<CalendarUi | null>(null);

export function useCalendarUi(): CalendarUi {
  const value = useContext(CalendarContext);
  if (!value) throw new Error('useCalendarUi must be used inside the calendar');
  return value;
}
