import { addDays, mondayOf, uuidv7 } from '@coulisses/shared';
import { isLocalDate } from '@coulisses/shared/planning/local-time';
import { duplicateWeekCopies } from '@coulisses/shared/planning/mission-copies';
import { useState } from 'react';
import { formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';
import { useMissions, useProjects } from '../../../../data/queries';
import { useMissionActions } from '../../../../data/planning/useMissionActions';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { Notice } from '../ui/Notice';
import { SelectField } from '../../../../components/SelectField';
import { BatchPreview } from '../batch/BatchPreview';

/** Duplicate week N to week N+1: the week's missions (optionally one project's) as drafts, same local times. */
export function WeekCopy() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const actions = useMissionActions();
  const missions = useMissions().docs;
  const projects = useProjects().docs;
  const [date, setDate] = useState('');
  const [projectId, setProjectId] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const monday = isLocalDate(date) ? mondayOf(date) : null;
  const source = missions.filter((m) => !projectId || m.projectId === projectId);
  // The preview: the same copies without ids (only their times are shown).
  const copies = monday ? duplicateWeekCopies(source, monday, tz, () => '', '') : [];

  const run = async () => {
    if (!actions || !monday) return;
    const docs = duplicateWeekCopies(source, monday, tz, () => uuidv7(), new Date().toISOString());
    setDone(await actions.insertMany(docs));
  };

  return (
    <div className="card stack" data-testid="week-copy">
      <h2>{t('planWeek.title')}</h2>
      <p className="hint">{t('planWeek.intro')}</p>
      <div className="form-grid">
        <TextField label={t('planWeek.dayInWeek')} type="date" testId="week-date" value={date} onValue={(d) => { setDate(d); setDone(null); }} />
        <SelectField label={t('planMissions.project')} testId="week-project" value={projectId} onValue={setProjectId} options={[{ value: '', label: t('plan.all') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
      </div>
      {monday && (
        <p data-testid="week-range">
          {t('planWeek.range', { from: formatLocalDate(locale, monday), to: formatLocalDate(locale, addDays(monday, 6)), nextFrom: formatLocalDate(locale, addDays(monday, 7)) })}
        </p>
      )}
      {monday && <BatchPreview drafts={copies} tz={tz} />}
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="week-duplicate" disabled={!actions || copies.length === 0} onClick={() => void run()}>
          {t('planWeek.duplicate', { count: copies.length })}
        </button>
      </div>
      {done !== null && <Notice testId="week-done">{t('planWeek.done', { count: done })}</Notice>}
    </div>
  );
}
