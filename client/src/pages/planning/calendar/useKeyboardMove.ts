import { useCallback, useState, type KeyboardEvent } from 'react';
import { fromIso } from '@coulisses/shared/planning/moves';
import { useI18n } from '../../../i18n/useT';
import { whenParts } from './calendar-format';
import type { CalendarModel } from './calendar-model';
import { personName, type AssignmentDoc, type MissionDoc } from './calendar-types';
import type { DropOutcome } from './drop-outcome';
import { changed, stepAssignment, stepMission, type KeyMode, type Picked } from './keyboard-move';

export interface KeyboardMove {
  picked: Picked | null;
  onMissionKey: (event: KeyboardEvent, mission: MissionDoc, mode: KeyMode) => void;
  onAssignmentKey: (event: KeyboardEvent, assignment: AssignmentDoc) => void;
}

/**
 * Everything drag and drop does, by keyboard: Enter (or Space) picks a mission up, arrows move it by 15
 * minutes or a day (a week in the month grid), Shift+Up/Down resize its end, Enter drops, Escape cancels. On
 * the timeline an assignment picked up moves between person rows with Up/Down. Each step is announced.
 */
export function useKeyboardMove(model: CalendarModel, tz: string, commit: (o: DropOutcome) => Promise<void>, announce: (text: string) => void, openAssign: (missionId: string) => void, canWrite: boolean): KeyboardMove {
  const { t, locale } = useI18n();
  const [picked, setPicked] = useState<Picked | null>(null);

  const onMissionKey = useCallback(
    (event: KeyboardEvent, mission: MissionDoc, mode: KeyMode) => {
      const mine = picked?.kind === 'mission' && picked.missionId === mission.id ? picked : null;
      const when = (p: { current: { start: number; end: number } }) => whenParts(locale, p.current, tz);
      if (!mine) {
        if ((event.key === 'a' || event.key === 'A') && canWrite) {
          event.preventDefault();
          openAssign(mission.id);
        } else if ((event.key === 'Enter' || event.key === ' ') && canWrite && !picked) {
          event.preventDefault();
          const iv = fromIso(mission);
          setPicked({ kind: 'mission', missionId: mission.id, original: iv, current: iv });
          announce(t('calendar.live.picked', { title: mission.title, ...whenParts(locale, iv, tz) }));
        }
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setPicked(null);
        announce(t('calendar.live.cancelled', { title: mission.title }));
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setPicked(null);
        if (changed(mine)) void commit({ kind: 'move', missionId: mission.id, interval: mine.current });
        else announce(t('calendar.live.unchanged', { title: mission.title }));
      } else {
        const next = stepMission(mine, event.key, event.shiftKey, mode, tz);
        if (next) {
          event.preventDefault();
          setPicked(next);
          announce(t(event.shiftKey && mode === 'grid' ? 'calendar.live.resizing' : 'calendar.live.moving', { title: mission.title, ...when(next) }));
        }
      }
    },
    [picked, tz, locale, t, announce, commit, openAssign, canWrite],
  );

  const onAssignmentKey = useCallback(
    (event: KeyboardEvent, assignment: AssignmentDoc) => {
      const mine = picked?.kind === 'assignment' && picked.assignmentId === assignment.id ? picked : null;
      const title = model.missionById.get(assignment.missionId)?.title ?? '?';
      const nameOf = (id: string) => personName(model.usersById.get(id));
      if (!mine) {
        if ((event.key === 'Enter' || event.key === ' ') && canWrite && !picked) {
          event.preventDefault();
          setPicked({ kind: 'assignment', assignmentId: assignment.id, missionId: assignment.missionId, fromUserId: assignment.userId, toUserId: assignment.userId });
          announce(t('calendar.live.pickedAssignment', { name: nameOf(assignment.userId), title }));
        }
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setPicked(null);
        announce(t('calendar.live.cancelled', { title }));
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setPicked(null);
        if (changed(mine)) void commit({ kind: 'reassign', assignmentId: mine.assignmentId, toUserId: mine.toUserId });
        else announce(t('calendar.live.unchanged', { title }));
      } else {
        const next = stepAssignment(mine, event.key, model.people.map((p) => p.id));
        if (next) {
          event.preventDefault();
          setPicked(next);
          announce(t('calendar.live.toPerson', { name: nameOf(next.toUserId), title }));
        }
      }
    },
    [picked, model, t, announce, commit, canWrite],
  );

  return { picked, onMissionKey, onAssignmentKey };
}
