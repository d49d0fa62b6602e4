import { datesBetween } from '@coulisses/shared/planning/date-list';
import { parseTemplateData } from '@coulisses/shared/planning/templates';
import { useState } from 'react';
import { useT } from '../../../../i18n/useT';
import { liveOnly } from '../../../../data/planning/reference-writes';
import { useAssignments, useMissions, useProjects, useReference, useUsers } from '../../../../data/queries';
import type { ReferenceDoc } from '../../../../data/types';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { DatesPicker, type DatesValue } from '../form/DatesPicker';
import { Notice } from '../ui/Notice';
import { SelectField } from '../../../../components/SelectField';
import { useApplyTemplate, type ApplyResult } from './useApplyTemplate';

/** Applies a template to a team over chosen dates: missions plus INVITED assignments of the team's members. */
export function ApplyTemplateForm({ templates }: { templates: ReferenceDoc[] }) {
  const t = useT();
  const { tz } = useOrgContext();
  const teams = liveOnly(useReference('team').docs);
  const venues = liveOnly(useReference('venue').docs);
  const projects = useProjects().docs.filter((p) => p.status !== 'ARCHIVED');
  const users = useUsers().docs;
  const apply = useApplyTemplate(useMissions().docs, useAssignments().docs);
  const [templateId, setTemplateId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [projectId, setProjectId] = useState('');
  const [venueId, setVenueId] = useState('');
  const [publish, setPublish] = useState(true);
  const [dates, setDates] = useState<DatesValue>({ from: '', to: '', weekdays: [] });
  const [result, setResult] = useState<ApplyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const template = templates.find((x) => x.id === templateId);
  const data = template ? parseTemplateData(template.data) : null;
  const members = users.filter((u) => u.active && teamId !== '' && u.teamIds.includes(teamId));
  const days = datesBetween(dates.from, dates.to, dates.weekdays);
  const planned = data ? days.length * data.ranges.length : 0;

  const submit = async () => {
    setResult(null);
    if (!apply || !data || !teamId || days.length === 0) {
      setError(t('planTemplates.incomplete'));
      return;
    }
    setError(null);
    setResult(await apply({ template: data, dates: days, teamId, memberIds: members.map((m) => m.id), projectId: projectId || null, venueId: venueId || null, publish, tz }));
  };

  return (
    <section className="stack" data-testid="template-apply" aria-label={t('planTemplates.applyTitle')}>
      <h3>{t('planTemplates.applyTitle')}</h3>
      <div className="form-grid">
        <SelectField label={t('planTemplates.template')} testId="template-apply-template" value={templateId} onValue={setTemplateId} options={[{ value: '', label: t('plan.choose') }, ...templates.map((x) => ({ value: x.id, label: x.name }))]} />
        <SelectField label={t('planTemplates.team')} testId="template-apply-team" value={teamId} onValue={setTeamId} options={[{ value: '', label: t('plan.choose') }, ...teams.map((x) => ({ value: x.id, label: x.name }))]} />
        <SelectField label={t('planMissions.project')} testId="template-apply-project" value={projectId} onValue={setProjectId} options={[{ value: '', label: t('plan.none') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField label={t('planMissions.venue')} testId="template-apply-venue" value={venueId} onValue={setVenueId} options={[{ value: '', label: t('plan.none') }, ...venues.map((x) => ({ value: x.id, label: x.name }))]} />
      </div>
      <DatesPicker value={dates} onChange={setDates} testPrefix="template-apply" />
      <label className="checkbox">
        <input type="checkbox" data-testid="template-apply-publish" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
        {t('planTemplates.publishNow')}
      </label>
      <p className="hint" data-testid="template-apply-summary">
        {t('planTemplates.summary', { missions: t('planTemplates.missionCount', { count: planned }), members: t('planTemplates.memberCount', { count: members.length }) })}
      </p>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="template-apply-submit" disabled={!apply || planned === 0} onClick={() => void submit()}>
          {t('planTemplates.apply')}
        </button>
      </div>
      {result && (
        <Notice testId="template-apply-result">
          {t('planTemplates.applied', { missions: t('planTemplates.missionCount', { count: result.missions }), invitations: t('planTemplates.invitationCount', { count: result.assignments }) })}
          {result.skipped > 0 && ` ${t('planTemplates.skipped', { count: result.skipped })}`}
        </Notice>
      )}
    </section>
  );
}
