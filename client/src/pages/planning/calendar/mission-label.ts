import type { Locale } from '@coulisses/shared';
import type { Interval } from '@coulisses/shared/planning/moves';
import type { Translate } from '../../../i18n/i18n-context';
import { whenParts } from './calendar-format';
import type { AssignmentDoc, MissionDoc, Severity } from './calendar-types';
import { enumLabel } from '../../../i18n/enum-label';

/** The accessible name of a mission on the calendar: title, when, status, people, conflict, refusal. */
export function missionLabel(t: Translate, locale: Locale, mission: MissionDoc, iv: Interval, tz: string, list: readonly AssignmentDoc[], conflict: Severity | undefined, refused: boolean): string {
  const parts = [
    t('calendar.mission.label', { title: mission.title, ...whenParts(locale, iv, tz), status: enumLabel(t, 'missionStatus', mission.status) }),
    t('calendar.mission.people', { count: list.length }),
  ];
  if (conflict) parts.push(t(`calendar.mission.conflict.${conflict}`));
  if (refused) parts.push(t('calendar.mission.refused'));
  return parts.join(', ');
}
