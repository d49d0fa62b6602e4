import { enumLabel } from '../i18n/enum-label';
import { useT } from '../i18n/useT';

export type BadgeGroup = 'mission' | 'assignment' | 'availability';

const ENUM_OF = { mission: 'missionStatus', assignment: 'assignmentStatus', availability: 'availabilityStatus' } as const;

/** A status as a coloured badge: mission (DRAFT, PUBLISHED, CANCELLED), assignment or availability. */
export function StatusBadge({ group, status, testId }: { group: BadgeGroup; status: string; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--st badge--st-${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {enumLabel(t, ENUM_OF[group], status)}
    </span>
  );
}
