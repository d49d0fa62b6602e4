import { useCallback } from 'react';
import { useI18n } from '../../../i18n/useT';
import { whenParts } from './calendar-format';
import type { CalendarModel } from './calendar-model';
import { personName } from './calendar-types';
import type { DropOutcome } from './drop-outcome';
import type { CalendarActions, WriteOutcome } from './useCalendarActions';

/** Performs the write of a drop (pointer or keyboard) in the local store and announces the result. */
export function useCommit(actions: CalendarActions | null, model: CalendarModel, tz: string, announce: (text: string) => void): (outcome: DropOutcome) => Promise<void> {
  const { t, locale } = useI18n();
  return useCallback(
    async (outcome: DropOutcome) => {
      if (!actions) {
        announce(t('calendar.live.notReady'));
        return;
      }
      const missionId = outcome.kind === 'reassign' ? model.assignmentById.get(outcome.assignmentId)?.missionId : outcome.missionId;
      const title = (missionId && model.missionById.get(missionId)?.title) || '?';
      let result: WriteOutcome;
      try {
        if (outcome.kind === 'move') result = await actions.move(outcome.missionId, outcome.interval);
        else if (outcome.kind === 'assign') result = await actions.assign(outcome.missionId, outcome.userId);
        else result = await actions.reassign(outcome.assignmentId, outcome.toUserId);
      } catch (caught) {
        announce(t('calendar.live.failed', { reason: caught instanceof Error ? caught.message : String(caught) }));
        return;
      }
      const userId = outcome.kind === 'assign' ? outcome.userId : outcome.kind === 'reassign' ? outcome.toUserId : null;
      const name = userId ? personName(model.usersById.get(userId)) : '';
      if (result === 'duplicate') announce(t('calendar.live.duplicate', { name, title }));
      else if (result === 'missing') announce(t('calendar.live.missing'));
      else if (outcome.kind === 'move') announce(t('calendar.live.moved', { title, ...whenParts(locale, outcome.interval, tz) }));
      else if (outcome.kind === 'assign') announce(t('calendar.live.assigned', { name, title }));
      else announce(t('calendar.live.reassigned', { name, title }));
    },
    [actions, model, tz, announce, t, locale],
  );
}
