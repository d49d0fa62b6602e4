import { DAY, addDays, mondayOf, startOfLocalDay } from '@coulisses/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { dateLabel } from '../calendar/calendar-format';
import { isLocalDate } from '../calendar/calendar-url';
import type { AssignmentDoc, MissionDoc, UserDoc } from '../calendar/calendar-types';
import { LiveRegion } from '../calendar/LiveRegion';
import { useAnnouncer } from '../calendar/useAnnouncer';
import { useCalendarActions } from '../calendar/useCalendarActions';
import { useCalendarData } from '../calendar/useCalendarData';
import { useOrgPlanning } from '../calendar/useOrgPlanning';
import { todayIn } from '../calendar/view-range';
import { ConflictItem } from './ConflictItem';
import { conflictKey } from './planning-request';
import { useElsewhere } from './useElsewhere';
import { usePlanningConflicts } from './usePlanningConflicts';
import './planning-conflicts.css';

/** Four weeks from the Monday of the date in the address (?date=YYYY-MM-DD), today by default. */
const WEEKS = 4;

/**
 * Planning conflicts (ADMIN, MANAGER): the organisation's rules run in the worker over the local store; each
 * conflict lists available, qualified replacements, and picking one cancels the conflicting assignment and
 * invites the replacement (offline too).
 */
export function PlanningConflictsPage() {
  const { t, locale } = useI18n();
  const org = useOrgPlanning();
  const [search, setSearch] = useSearchParams();
  const raw = search.get('date');
  const monday = mondayOf(isLocalDate(raw) ? raw : todayIn(org.tz));
  const last = addDays(monday, 7 * WEEKS - 1);
  const from = startOfLocalDay(monday, org.tz);
  const to = startOfLocalDay(addDays(last, 1), org.tz);
  // A week more than the window: replacements look at the whole week of a mission.
  const data = useCalendarData(from, to + 8 * DAY);
  const input = useMemo(() => ({ missions: data.context, assignments: data.contextAssignments, availabilities: data.availabilities }), [data.context, data.contextAssignments, data.availabilities]);
  // Hours worked for other organisations (the server knows them; only hours per week come back).
  const elsewhere = useElsewhere(from, to);
  const result = usePlanningConflicts(input, org.profile, org.tz, from, to, data.loading || data.contextStale, elsewhere);
  const actions = useCalendarActions();
  const [message, announce] = useAnnouncer();
  const maps = useMemo(
    () => ({
      users: new Map<string, UserDoc>(data.users.map((u) => [u.id, u])),
      missions: new Map<string, MissionDoc>(data.context.map((m) => [m.id, m])),
      assignments: new Map<string, AssignmentDoc>(data.contextAssignments.map((a) => [a.id, a])),
    }),
    [data.users, data.context, data.contextAssignments],
  );
  const sorted = useMemo(() => {
    const startOf = (ids: string[]) => Math.min(...ids.map((id) => Date.parse(maps.missions.get(id)?.startAt ?? '') || Infinity));
    return [...result.conflicts].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || startOf(a.missionIds) - startOf(b.missionIds));
  }, [result.conflicts, maps]);

  const replace = useCallback(
    async (assignment: AssignmentDoc, userId: string) => {
      if (!actions) return;
      const name = [maps.users.get(userId)?.firstName, maps.users.get(userId)?.lastName].filter(Boolean).join(' ');
      const title = maps.missions.get(assignment.missionId)?.title ?? '';
      const outcome = await actions.reassign(assignment.id, userId);
      announce(outcome === 'ok' ? t('planConflicts.replaced', { name, title }) : outcome === 'duplicate' ? t('calendar.live.duplicate', { name, title }) : t('calendar.live.missing'));
    },
    [actions, maps, announce, t],
  );
  const go = (date: string) => setSearch({ date });

  return (
    <div className="stack" data-testid="planning-conflicts">
      <p className="lead">{t('planConflicts.intro', { profile: t(`planConflicts.profiles.${org.settings.convention}`) })}</p>
      <div className="pc-toolbar">
        <button type="button" className="button button--secondary button--small" onClick={() => go(addDays(monday, -7 * WEEKS))} data-testid="pc-prev">
          {t('planConflicts.prev')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => go(todayIn(org.tz))} data-testid="pc-today">
          {t('calendar.today')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => go(addDays(monday, 7 * WEEKS))} data-testid="pc-next">
          {t('planConflicts.next')}
        </button>
        <h2 className="pc-toolbar__title" data-testid="pc-title">
          {t('planConflicts.range', { from: dateLabel(locale, monday, 'long'), to: dateLabel(locale, last, 'long') })}
        </h2>
      </div>
      {result.error && <p className="alert alert--error">{t('calendar.conflictsFailed', { reason: result.error })}</p>}
      {data.loading || result.stats === null ? (
        <LoadingScreen />
      ) : (
        <div className="card" data-testid="pc-list" data-ready={result.ready ? 'true' : 'false'} data-count={sorted.length} aria-busy={!result.ready}>
          <h3>{t('planConflicts.count', { count: sorted.length })}</h3>
          {sorted.length === 0 ? (
            <p className="muted" data-testid="pc-empty">
              {t('planConflicts.empty')}
            </p>
          ) : (
            <ul className="pc-list">
              {sorted.map((c) => (
                <ConflictItem
                  key={conflictKey(c)}
                  conflict={c}
                  input={input}
                  users={data.users}
                  usersById={maps.users}
                  missionById={maps.missions}
                  assignmentById={maps.assignments}
                  profile={org.profile}
                  tz={org.tz}
                  canWrite={actions !== null}
                  onReplace={(a, userId) => void replace(a, userId)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
      <LiveRegion message={message} />
    </div>
  );
}
