import { useI18n } from '../../i18n/useT';
import { FormField, Input, Select } from '../../ui';
import { COMPARE_MODES, PERIOD_PRESETS, type AnalyticsFilterState } from './filter-state';

export interface FilterOption {
  id: string;
  name: string;
}

export interface FilterBarProps {
  state: AnalyticsFilterState;
  onChange: (patch: Partial<AnalyticsFilterState>) => void;
  projects: readonly FilterOption[];
  venues: readonly FilterOption[];
  teams: readonly FilterOption[];
  roles: readonly string[];
}

/** Period (presets or custom dates), project, venue, team, role and comparison: every change recomputes in the worker. */
export function FilterBar({ state, onChange, projects, venues, teams, roles }: FilterBarProps) {
  const { t } = useI18n();
  const select = (label: string, testId: string, value: string | null, options: readonly FilterOption[], key: 'projectId' | 'venueId' | 'teamId' | 'role') => (
    <FormField label={label} className="an-filter">
      <Select value={value ?? ''} onChange={(e) => onChange({ [key]: e.target.value || null })} data-testid={testId}>
        <option value="">{t('analyticsPage.filters.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </FormField>
  );
  return (
    <form className="an-filters" aria-label={t('analyticsPage.filters.label')} onSubmit={(e) => e.preventDefault()} data-testid="analytics-filters">
      <FormField label={t('analyticsPage.filters.period')} className="an-filter">
        <Select value={state.period} onChange={(e) => onChange({ period: e.target.value as AnalyticsFilterState['period'] })} data-testid="analytics-period">
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`analyticsPage.period.${p}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t('analyticsPage.filters.from')} className="an-filter an-filter--date">
        <Input type="date" value={state.from} onChange={(e) => e.target.value && onChange({ from: e.target.value })} data-testid="analytics-from" />
      </FormField>
      <FormField label={t('analyticsPage.filters.to')} className="an-filter an-filter--date">
        <Input type="date" value={state.to} min={state.from} onChange={(e) => e.target.value && onChange({ to: e.target.value })} data-testid="analytics-to" />
      </FormField>
      {select(t('analyticsPage.filters.project'), 'analytics-project', state.projectId, projects, 'projectId')}
      {select(t('analyticsPage.filters.venue'), 'analytics-venue', state.venueId, venues, 'venueId')}
      {select(t('analyticsPage.filters.team'), 'analytics-team', state.teamId, teams, 'teamId')}
      {select(
        t('analyticsPage.filters.role'),
        'analytics-role',
        state.role,
        roles.map((r) => ({ id: r, name: r })),
        'role',
      )}
      <FormField label={t('analyticsPage.filters.compare')} className="an-filter">
        <Select value={state.compare} onChange={(e) => onChange({ compare: e.target.value as AnalyticsFilterState['compare'] })} data-testid="analytics-compare">
          {COMPARE_MODES.map((c) => (
            <option key={c} value={c}>
              {t(`analyticsPage.compare.${c}`)}
            </option>
          ))}
        </Select>
      </FormField>
    </form>
  );
}
