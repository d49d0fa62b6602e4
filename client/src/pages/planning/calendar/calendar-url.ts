import { ASSIGNMENT_STATUSES, type AssignmentStatus } from './calendar-types';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'timeline'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];
/** The timeline shows a week with day columns, or one day with hour columns. */
export type TimelineSpan = 'week' | 'day';

/** What the calendar's address holds: ?view=week&date=YYYY-MM-DD&status=INVITED,ACCEPTED&person=&team=&project=&span= */
export interface CalendarParams {
  view: CalendarView;
  /** null: today in the organisation's zone. */
  date: string | null;
  statuses: readonly AssignmentStatus[];
  person: string | null;
  team: string | null;
  project: string | null;
  span: TimelineSpan;
}

export function isLocalDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

function statusesFrom(raw: string | null): AssignmentStatus[] {
  if (raw === null) return [...ASSIGNMENT_STATUSES];
  const picked = raw.split(',').filter((s): s is AssignmentStatus => (ASSIGNMENT_STATUSES as readonly string[]).includes(s));
  return ASSIGNMENT_STATUSES.filter((s) => picked.includes(s));
}

/** `fallbackView`: the view when the address names none (the day on a phone, where seven columns do not fit). */
export function readParams(search: URLSearchParams, fallbackView: CalendarView = 'week'): CalendarParams {
  const view = search.get('view');
  const date = search.get('date');
  return {
    view: (CALENDAR_VIEWS as readonly string[]).includes(view ?? '') ? (view as CalendarView) : fallbackView,
    date: isLocalDate(date) ? date : null,
    statuses: statusesFrom(search.get('status')),
    person: search.get('person') || null,
    team: search.get('team') || null,
    project: search.get('project') || null,
    span: search.get('span') === 'day' ? 'day' : 'week',
  };
}

/** The address for new parameters; defaults are left out (every status, no filter, week span). */
export function writeParams(next: CalendarParams): URLSearchParams {
  const out = new URLSearchParams();
  out.set('view', next.view);
  if (next.date) out.set('date', next.date);
  if (next.statuses.length !== ASSIGNMENT_STATUSES.length) out.set('status', next.statuses.join(','));
  if (next.person) out.set('person', next.person);
  if (next.team) out.set('team', next.team);
  if (next.project) out.set('project', next.project);
  if (next.view === 'timeline' && next.span === 'day') out.set('span', 'day');
  return out;
}
