import { useCallback } from 'react';
import { uuidv7 } from '@coulisses/shared';
import { fromIso, type Interval } from '@coulisses/shared/planning/moves';
import { useI18n } from '../../../i18n/useT';
import { useToast } from '../../../ui';
import { whenParts } from './calendar-format';
import type { CalendarModel } from './calendar-model';
import { personName } from './calendar-types';
import type { DropOutcome } from './drop-outcome';
import type { CalendarActions, WriteOutcome } from './useCalendarActions';

/**
 * Gives the focus back to a mission's block (or chip, or bar) after an undo: the toast's button goes away, and
 * the block may be drawn again on another day once the local store answers, so it retries for a short while.
 */
function refocusMission(missionId: string, tries = 12): void {
  const el = document.querySelector<HTMLElement>(`[data-mission="${CSS.escape(missionId)}"][tabindex="0"]`);
  const lost = !document.activeElement || document.activeElement === document.body || document.activeElement.closest('.ui-toast');
  if (el && lost) el.focus();
  if (tries > 0) window.setTimeout(() => refocusMission(missionId, tries - 1), 50);
}

/**
 * Performs the write of a drop (pointer or keyboard) in the local store, announces the result and shows a
 * toast with Undo: undo writes the previous values back through the same local write path (and syncs).
 * The toast does not take the focus, so it stays on the moved block.
 */
export function useCommit(actions: CalendarActions | null, model: CalendarModel, tz: string, announce: (text: string) => void): (outcome: DropOutcome) => Promise<void> {
  const { t, locale } = useI18n();
  const toast = useToast();
  return useCallback(
    async (outcome: DropOutcome) => {
      if (!actions) {
        announce(t('calendar.live.notReady'));
        return;
      }
      const missionId = outcome.kind === 'reassign' ? model.assignmentById.get(outcome.assignmentId)?.missionId : outcome.missionId;
      const mission = missionId ? model.missionById.get(missionId) : undefined;
      const title = mission?.title || '?';
      const before: Interval | null = outcome.kind === 'move' && mission ? fromIso(mission) : null;
      const previous = outcome.kind === 'reassign' ? model.assignmentById.get(outcome.assignmentId) : undefined;
      const createdId = outcome.kind === 'move' ? null : uuidv7();
      let result: WriteOutcome;
      try {
        if (outcome.kind === 'move') result = await actions.move(outcome.missionId, outcome.interval);
        else if (outcome.kind === 'assign') result = await actions.assign(outcome.missionId, outcome.userId, undefined, createdId!);
        else result = await actions.reassign(outcome.assignmentId, outcome.toUserId, createdId!);
      } catch (caught) {
        announce(t('calendar.live.failed', { reason: caught instanceof Error ? caught.message : String(caught) }));
        return;
      }
      const userId = outcome.kind === 'assign' ? outcome.userId : outcome.kind === 'reassign' ? outcome.toUserId : null;
      const name = userId ? personName(model.usersById.get(userId)) : '';
      if (result === 'duplicate') {
        announce(t('calendar.live.duplicate', { name, title }));
        return;
      }
      if (result === 'missing') {
        announce(t('calendar.live.missing'));
        return;
      }
      const undone = () => {
        announce(t('calendar.toast.undone'));
        if (missionId) refocusMission(missionId);
      };
      const fail = (caught: unknown) => announce(t('calendar.live.failed', { reason: caught instanceof Error ? caught.message : String(caught) }));
      if (outcome.kind === 'move') {
        const parts = whenParts(locale, outcome.interval, tz);
        announce(t('calendar.live.moved', { title, ...parts }));
        toast.show({
          id: `cal-move-${outcome.missionId}`,
          message: t('calendar.toast.moved', { title, ...parts }),
          testId: 'cal-toast',
          undo: before ? () => void actions.move(outcome.missionId, before).then(undone, fail) : undefined,
        });
      } else if (outcome.kind === 'assign') {
        announce(t('calendar.live.assigned', { name, title }));
        toast.show({ message: t('calendar.toast.assigned', { name, title }), testId: 'cal-toast', undo: () => void actions.restoreAssignment(createdId!, 'cancel').then(undone, fail) });
      } else {
        announce(t('calendar.live.reassigned', { name, title }));
        const old = previous;
        toast.show({
          message: t('calendar.toast.reassigned', { name, title }),
          testId: 'cal-toast',
          undo: old
            ? () =>
                void actions
                  .restoreAssignment(createdId!, 'cancel')
                  .then(() => actions.restoreAssignment(old.id, { status: old.status, statusChangedAt: old.statusChangedAt, statusChangedBy: old.statusChangedBy }))
                  .then(undone, fail)
            : undefined,
        });
      }
    },
    [actions, model, tz, announce, t, locale, toast],
  );
}
