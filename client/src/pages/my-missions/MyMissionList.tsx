import { crewRows } from '@coulisses/shared/planning/my-missions';
import { errorText } from '../../api/error-text';
import { useI18n } from '../../i18n/useT';
import { useRefusedWrites } from '../../sync/useSync';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { byId, useAssignments, useMissions, useReference } from '../../data/queries';
import type { AssignmentDoc, MissionDoc, UserDoc } from '../../data/types';
import { useOrgContext } from '../../data/org/useOrgContext';
import { usePendingIds } from '../../data/usePendingIds';
import { MyMissionCard } from './MyMissionCard';
import { useCrewAnswer } from './useCrewAnswer';
import { useNow } from '../../lib/useNow';
import { TodayCard } from './TodayCard';
import { pickToday } from './today-mission';

/** My upcoming missions (soonest first) with my answer; the past ones folded below. */
export function MyMissionList({ user }: { user: UserDoc }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const now = useNow();
  const assignments = useAssignments({ userId: user.id });
  const missions = useMissions();
  const venues = byId(useReference('venue').docs);
  const answer = useCrewAnswer();
  const pending = usePendingIds('assignments');
  const refused = useRefusedWrites().filter((r) => r.collection === 'assignments');
  const { upcoming, past } = crewRows(assignments.docs, missions.docs, user.id, now);

  if (assignments.loading || missions.loading) return <LoadingScreen />;
  const card = ({ assignment: a, mission: m }: { assignment: AssignmentDoc; mission: MissionDoc }) => {
    const r = refused.find((x) => x.id === a.id);
    return (
      <MyMissionCard
        key={a.id}
        a={a}
        m={m}
        venue={m.venueId ? venues.get(m.venueId) : undefined}
        tz={tz}
        pending={pending.has(a.id)}
        refused={r ? errorText(locale, { code: r.code, message: r.message }) : null}
        onAnswer={answer ? (status, reason) => void answer(a, status, reason) : null}
      />
    );
  };
  return (
    <div className="stack">
      <TodayCard pick={pickToday(upcoming, now, tz)} user={user} venues={venues} tz={tz} />
      <section className="stack" data-testid="my-upcoming" aria-label={t('myMissions.upcoming')}>
        <h2>{t('myMissions.upcoming')}</h2>
        {upcoming.length === 0 && (
          <p className="muted" data-testid="my-none">
            {t('myMissions.none')}
          </p>
        )}
        {upcoming.map(card)}
      </section>
      <details className="my-past" data-testid="my-past">
        <summary>{t('myMissions.past', { count: past.length })}</summary>
        <div className="stack">{past.map(card)}</div>
      </details>
    </div>
  );
}
