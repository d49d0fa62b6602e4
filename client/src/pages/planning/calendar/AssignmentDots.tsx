import { useI18n } from '../../../i18n/useT';
import { useCalendarUi } from './calendar-context';
import { personName, type AssignmentDoc } from './calendar-types';
import { enumLabel } from '../../../i18n/enum-label';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** A mission's assignments as small pills coloured by status (INVITED, ACCEPTED, DECLINED, CANCELLED); dots when compact. */
export function AssignmentDots({ list, compact = false }: { list: readonly AssignmentDoc[]; compact?: boolean }) {
  const { t } = useI18n();
  const { model } = useCalendarUi();
  if (list.length === 0) return null;
  return (
    <ul className={`cal-dots${compact ? ' cal-dots--compact' : ''}`} aria-hidden="true">
      {list.map((a) => {
        const name = personName(model.usersById.get(a.userId));
        const conflict = model.conflicts.byAssignment.get(a.id);
        const refused = model.refused.has(`assignments:${a.id}`);
        return (
          <li
            key={a.id}
            className={`cal-dot cal-status--${a.status}`}
            data-testid={`cal-assignment-${a.id}`}
            data-status={a.status}
            data-user={a.userId}
            data-conflict={conflict}
            data-refused={refused ? 'true' : undefined}
            title={t('calendar.assignment.title', { name, status: enumLabel(t, 'assignmentStatus', a.status) })}
          >
            {compact ? null : initials(name)}
          </li>
        );
      })}
    </ul>
  );
}
