import { useI18n } from '../../../i18n/useT';
import { ASSIGNMENT_STATUSES, personName, type AssignmentStatus, type ProjectDoc, type ReferenceDoc, type UserDoc } from './calendar-types';
import type { CalendarFilter } from './filters';
import { enumLabel } from '../../../i18n/enum-label';

export interface FiltersProps {
  filter: CalendarFilter;
  users: readonly UserDoc[];
  teams: readonly ReferenceDoc[];
  projects: readonly ProjectDoc[];
  onChange: (patch: Partial<CalendarFilter>) => void;
  /** The bar is collapsible (closed by default); its id is the toolbar toggle's aria-controls. */
  open: boolean;
  id: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Filters: assignment statuses, a person, a team, a project. */
export function CalendarFilters({ filter, users, teams, projects, onChange, open, id }: FiltersProps) {
  const { t } = useI18n();
  const toggle = (s: AssignmentStatus) =>
    onChange({ statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : ASSIGNMENT_STATUSES.filter((x) => x === s || filter.statuses.includes(x)) });
  const people = users.filter((u) => !u._deleted).map((u) => ({ id: u.id, name: personName(u) })).sort(byName);
  const liveTeams = teams.filter((r) => !r._deleted && !r.archived).sort(byName);
  const liveProjects = projects.filter((p) => !p._deleted).sort(byName);
  const active = filter.person || filter.team || filter.project || filter.statuses.length < ASSIGNMENT_STATUSES.length;
  return (
    <fieldset className="cal-filters" data-testid="cal-filters" id={id} hidden={!open}>
      <legend className="visually-hidden">{t('calendar.filters.title')}</legend>
      <div className="cal-filters__statuses" role="group" aria-label={t('calendar.filters.statuses')}>
        {ASSIGNMENT_STATUSES.map((s) => (
          <label key={s} className={`checkbox cal-filters__status cal-status--${s}`}>
            <input type="checkbox" checked={filter.statuses.includes(s)} onChange={() => toggle(s)} data-testid={`cal-filter-status-${s}`} />
            {enumLabel(t, 'assignmentStatus', s)}
          </label>
        ))}
      </div>
      <label className="field-inline">
        <span className="field-inline__label">{t('calendar.filters.person')}</span>
        <select value={filter.person ?? ''} onChange={(e) => onChange({ person: e.target.value || null })} data-testid="cal-filter-person">
          <option value="">{t('calendar.filters.everyone')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span className="field-inline__label">{t('calendar.filters.team')}</span>
        <select value={filter.team ?? ''} onChange={(e) => onChange({ team: e.target.value || null })} data-testid="cal-filter-team">
          <option value="">{t('calendar.filters.allTeams')}</option>
          {liveTeams.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span className="field-inline__label">{t('calendar.filters.project')}</span>
        <select value={filter.project ?? ''} onChange={(e) => onChange({ project: e.target.value || null })} data-testid="cal-filter-project">
          <option value="">{t('calendar.filters.allProjects')}</option>
          {liveProjects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button type="button" className="button button--ghost button--small" data-testid="cal-filter-reset" onClick={() => onChange({ statuses: [...ASSIGNMENT_STATUSES], person: null, team: null, project: null })}>
          {t('calendar.filters.reset')}
        </button>
      )}
    </fieldset>
  );
}
