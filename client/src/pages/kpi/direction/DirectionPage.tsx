import type { DirectionSummary } from '@coulisses/shared/kpi/board';
import { useEffect, useMemo, useState } from 'react';
import { useBoardInputs, useOrgToday } from '../../../data/kpi/board-queries';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { byId, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { useT } from '../../../i18n/useT';
import { useLastPullAt } from '../../../sync/last-pull';
import { Skeleton, SkeletonGroup } from '../../../ui';
import { kpiWorker } from '../../../workers/kpi-client';
import { DirectionView } from './DirectionView';

/**
 * KPI tab "direction" (issue 12): the direction view computed by the KPI worker from the local store, so it
 * opens offline after a reload; "data as of" is the last successful sync, in the organisation's zone.
 */
export function DirectionPage() {
  const t = useT();
  const { tz } = useOrgContext();
  const today = useOrgToday();
  const inputs = useBoardInputs();
  const users = useUsers();
  const asOf = useLastPullAt();
  const [summary, setSummary] = useState<DirectionSummary | null>(null);

  useEffect(() => {
    if (inputs.loading) return undefined;
    let live = true;
    kpiWorker()
      .direction({ today, kpis: inputs.kpis, values: inputs.values, dashboards: inputs.dashboards, actions: inputs.actions })
      .then(
        (res) => {
          if (live) setSummary(res.summary);
        },
        (error: unknown) => console.error('direction view failed', error),
      );
    return () => {
      live = false;
    };
  }, [inputs, today]);

  const people = useMemo(() => byId(users.docs), [users.docs]);
  const nameOf = (id: string) => personName(people.get(id), t('kpiBoard.direction.unknownPerson'));

  if (!summary) {
    return (
      <SkeletonGroup label={t('kpiBoard.computing')} testId="kpi-direction-loading">
        <Skeleton lines={3} />
        <Skeleton shape="rect" height="8rem" />
      </SkeletonGroup>
    );
  }
  return <DirectionView summary={summary} asOf={asOf} zone={tz} personName={nameOf} />;
}
