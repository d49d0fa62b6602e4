import type { ConventionProfile } from '@coulisses/shared';
import { formatHours } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { personName, type AssignmentDoc, type MissionDoc, type UserDoc } from '../calendar/calendar-types';
import type { PlanningInput } from './planning-request';
import { useReplacements } from './useReplacements';

/** Shown after this many; the rest are behind the first ones (the best come first). */
const SHOWN = 8;

export interface PickerProps {
  input: PlanningInput;
  users: readonly UserDoc[];
  usersById: Map<string, UserDoc>;
  mission: MissionDoc | undefined;
  assignment: AssignmentDoc;
  profile: ConventionProfile;
  tz: string;
  disabled: boolean;
  onPick: (userId: string) => void;
}

/** Available and qualified replacements for one assignment, best first; picking one replaces the assignment. */
export function ReplacementPicker({ input, users, usersById, mission, assignment, profile, tz, disabled, onPick }: PickerProps) {
  const { t, locale } = useI18n();
  const { list, error } = useReplacements(input, users, mission, assignment.id, assignment.role, profile, tz);
  if (error) return <p className="alert alert--error">{t('planConflicts.suggestFailed', { reason: error })}</p>;
  if (!list) return <p className="muted" data-testid={`pc-candidates-loading-${assignment.id}`}>{t('planConflicts.searching')}</p>;
  if (list.length === 0) return <p className="muted" data-testid={`pc-candidates-none-${assignment.id}`}>{t('planConflicts.noCandidate')}</p>;
  return (
    <ul className="pc-candidates" data-testid={`pc-candidates-${assignment.id}`}>
      {list.slice(0, SHOWN).map((r) => {
        const name = personName(usersById.get(r.userId));
        return (
          <li key={r.userId} className="pc-candidate">
            <span>
              <strong>{name}</strong> <span className="muted">{t('planConflicts.weekHours', { hours: formatHours(locale, r.weekHours) })}</span>
              {r.warnings.map((w) => (
                <span key={w} className="badge pc-warning">
                  {t(`planConflicts.kinds.${w}`)}
                </span>
              ))}
            </span>
            <button type="button" className="button button--primary button--small" disabled={disabled} onClick={() => onPick(r.userId)} data-testid={`pc-candidate-${assignment.id}-${r.userId}`} aria-label={t('planConflicts.pickLabel', { name, title: mission?.title ?? '' })}>
              {t('planConflicts.pick')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
