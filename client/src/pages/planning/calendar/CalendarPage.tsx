import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fromIso, type Interval } from '@coulisses/shared/planning/moves';
import { useI18n } from '../../../i18n/useT';
import { useRefusedWrites } from '../../../sync/useSync';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { useIsWide } from '../../../ui/useMediaQuery';
import { conflictIndex } from '../conflicts/planning-request';
import { usePlanningConflicts } from '../conflicts/usePlanningConflicts';
import { AssignDialog } from './AssignDialog';
import { CalendarContext, type CalendarUi } from './calendar-context';
import { buildModel } from './calendar-model';
import type { MissionDoc } from './calendar-types';
import { readParams, writeParams, type CalendarParams } from './calendar-url';
import { CalendarDnd } from './CalendarDnd';
import { CalendarFilters } from './CalendarFilters';
import { CalendarHelp, useHelpKey } from './CalendarHelp';
import { CalendarRefused } from './CalendarRefused';
import { CalendarToolbar } from './CalendarToolbar';
import { ASSIGNMENT_STATUSES } from './calendar-types';
import { activeFilterCount, type CalendarFilter } from './filters';
import { useFillHeight } from './useFillHeight';
import { useFiltersOpen } from './useFiltersOpen';
import { LiveRegion } from './LiveRegion';
import { MissionPanel } from './MissionPanel';
import { MonthView } from './MonthView';
import { TimelineView } from './TimelineView';
import { useAnnouncer } from './useAnnouncer';
import { useCalendarActions } from './useCalendarActions';
import { useCalendarData } from './useCalendarData';
import { useCommit } from './useCommit';
import { useKeyboardMove } from './useKeyboardMove';
import { useOrgPlanning } from './useOrgPlanning';
import { stepDate, todayIn, viewRange } from './view-range';
import { WeekView } from './WeekView';
import './calendar.css';

/**
 * Planning calendar (ADMIN, MANAGER): month, week and day views of missions and a timeline per person, in
 * the organisation's zone, from the local store (offline). Drag and drop or keyboard moves missions, resizes
 * them, invites people and moves assignments; every write goes to the local store and syncs later.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const org = useOrgPlanning();
  const [search, setSearch] = useSearchParams();
  // A phone opens on the day (seven columns do not fit 390 px); the address keeps any view asked for.
  const wide = useIsWide();
  const params = useMemo(() => readParams(search, wide ? 'week' : 'day'), [search, wide]);
  const date = params.date ?? todayIn(org.tz);
  const range = useMemo(() => viewRange(params.view, date, org.tz, params.span), [params.view, date, org.tz, params.span]);
  const data = useCalendarData(range.from, range.to);
  const ruleInput = useMemo(() => ({ missions: data.context, assignments: data.contextAssignments, availabilities: data.availabilities }), [data.context, data.contextAssignments, data.availabilities]);
  const conflicts = usePlanningConflicts(ruleInput, org.profile, org.tz, range.from, range.to, data.loading || data.contextStale);
  const refused = useRefusedWrites();
  const index = useMemo(() => conflictIndex(conflicts.conflicts), [conflicts.conflicts]);
  const filter = useMemo<CalendarFilter>(() => ({ statuses: params.statuses, person: params.person, team: params.team, project: params.project }), [params]);
  const model = useMemo(
    () => buildModel({ from: range.from, to: range.to, tz: org.tz, filter, missions: data.missions, assignments: data.assignments, users: data.users, availabilities: data.availabilities, conflicts: index, refused }),
    [range, org.tz, filter, data, index, refused],
  );
  const actions = useCalendarActions();
  const [message, announce] = useAnnouncer();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [assignFor, setAssignFor] = useState<string | null>(null);
  const commit = useCommit(actions, model, org.tz, announce);
  const keyboard = useKeyboardMove(model, org.tz, commit, announce, setAssignFor, actions !== null);

  const [filtersOpen, toggleFilters] = useFiltersOpen();
  const filtersId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useHelpKey(openHelp);
  const gridRef = useRef<HTMLDivElement | null>(null);
  useFillHeight(gridRef, [filtersOpen, range.view, data.loading]);

  const setParams = useCallback((patch: Partial<CalendarParams>) => setSearch(writeParams({ ...params, date, ...patch })), [setSearch, params, date]);
  useEffect(() => {
    if (!search.get('view') || !params.date) setSearch(writeParams({ ...params, date }), { replace: true });
  }, [search, params, date, setSearch]);

  const picked = keyboard.picked;
  const intervalOf = useCallback(
    (m: MissionDoc): Interval => (picked?.kind === 'mission' && picked.missionId === m.id ? picked.current : fromIso(m)),
    [picked],
  );
  const ui = useMemo<CalendarUi>(
    () => ({
      model,
      tz: org.tz,
      view: params.view,
      canWrite: actions !== null,
      picked,
      selectedId,
      select: setSelectedId,
      openAssign: setAssignFor,
      onMissionKey: keyboard.onMissionKey,
      onAssignmentKey: keyboard.onAssignmentKey,
      intervalOf,
    }),
    [model, org.tz, params.view, actions, picked, selectedId, keyboard.onMissionKey, keyboard.onAssignmentKey, intervalOf],
  );
  const onAssign = (userId: string) => {
    const missionId = assignFor;
    setAssignFor(null);
    if (missionId) void commit({ kind: 'assign', missionId, userId });
  };
  const projectName = (id: string | null | undefined) => (id ? (data.projects.find((p) => p.id === id)?.name ?? null) : null);

  return (
    <CalendarContext value={ui}>
      <div className="calendar" data-testid="planning-calendar">
        <CalendarToolbar
          range={range}
          span={params.span}
          onStep={(dir) => setParams({ date: stepDate(params.view, date, dir, params.span) })}
          onToday={() => setParams({ date: todayIn(org.tz) })}
          onDate={(d) => setParams({ date: d })}
          onView={(view) => setParams({ view })}
          onSpan={(span) => setParams({ span })}
          filtersOpen={filtersOpen}
          activeFilters={activeFilterCount(filter, ASSIGNMENT_STATUSES.length)}
          filtersId={filtersId}
          onToggleFilters={toggleFilters}
          onHelp={openHelp}
        />
        <CalendarFilters filter={filter} users={data.users} teams={data.teams} projects={data.projects} onChange={(patch) => setParams(patch)} open={filtersOpen} id={filtersId} />
        <p className="visually-hidden" id="cal-keyboard-hint">
          {t('calendar.keyboardHint')}
        </p>
        <CalendarRefused model={model} />
        {conflicts.error && <p className="alert alert--warning">{t('calendar.conflictsFailed', { reason: conflicts.error })}</p>}
        <div ref={gridRef} className={`cal-stage${selectedId ? ' has-panel' : ''}`}>
          {data.loading ? (
            <LoadingScreen />
          ) : (
            <div
              className="cal-view"
              data-testid="calendar-grid"
              data-view={range.view}
              data-from={range.days[0]}
              data-to={range.days[range.days.length - 1]}
              data-loading={data.stale ? 'true' : 'false'}
              data-conflicts-ready={conflicts.ready ? 'true' : 'false'}
              data-missions={model.missions.length}
              aria-busy={data.stale}
              aria-describedby="cal-keyboard-hint"
            >
              <CalendarDnd model={model} tz={org.tz} onOutcome={(o) => void commit(o)}>
                {range.view === 'month' && <MonthView days={range.days} month={date.slice(0, 7)} onMore={(d) => setParams({ view: 'day', date: d })} />}
                {(range.view === 'week' || range.view === 'day') && <WeekView days={range.days} />}
                {range.view === 'timeline' && <TimelineView days={range.days} hours={params.span === 'day'} />}
              </CalendarDnd>
              {model.missions.length === 0 && <p className="muted cal-empty">{t('calendar.empty')}</p>}
            </div>
          )}
          {selectedId && <MissionPanel missionId={selectedId} projectName={projectName(model.missionById.get(selectedId)?.projectId)} />}
        </div>
        {assignFor && <AssignDialog missionId={assignFor} onAssign={onAssign} onClose={() => setAssignFor(null)} />}
        <CalendarHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
        <LiveRegion message={message} />
      </div>
    </CalendarContext>
  );
}
