import { useState, type FormEvent } from 'react';
import { useReference, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { DASHBOARD_SHARINGS, type Dashboard, type DashboardSharing } from '../../../data/kpi/types';
import type { DashboardFields } from '../../../data/kpi/writes';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { FormField, Input, Select, Sheet, SheetFormFooter, Textarea } from '../../../ui';

export function dashboardFieldsOf(d: Dashboard | null, ownerUserId: string | null): DashboardFields {
  return d
    ? { title: d.title, description: d.description, process: d.process, sharing: d.sharing, teamIds: d.teamIds, ownerUserId: d.ownerUserId }
    : { title: '', description: '', process: '', sharing: 'ORGANISATION', teamIds: [], ownerUserId };
}

/** Creates or edits a dashboard in a sheet (bottom on a phone, side on a laptop). */
export function DashboardForm({ editing, initial, onClose, onSave }: { editing: boolean; initial: DashboardFields; onClose: () => void; onSave: (f: DashboardFields) => Promise<void> }) {
  const t = useT();
  const teams = useReference('team').docs.filter((d) => !d.archived);
  const people = useUsers().docs.filter((u) => u.active);
  const [f, setF] = useState<DashboardFields>(initial);
  const [errors, setErrors] = useState<{ title?: string; process?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DashboardFields>(k: K, v: DashboardFields[K]) => setF((x) => ({ ...x, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const e: typeof errors = {};
    if (!f.title.trim()) e.title = t('kpi.dash.titleRequired');
    if (!f.process.trim()) e.process = t('kpi.dash.processRequired');
    setErrors(e);
    if (e.title || e.process) return;
    setBusy(true);
    try {
      await onSave(f);
      onClose();
    } catch (caught) {
      setErrors({ save: t('kpi.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }) });
    } finally {
      setBusy(false);
    }
  };

  const formId = 'kpi-dashboard-form';
  return (
    <Sheet
      open
      onClose={onClose}
      title={editing ? t('kpi.dash.editTitle') : t('kpi.dash.newTitle')}
      testId="dashboard-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={editing ? t('kpi.save') : t('kpi.create')} submitTestId="dashboard-form-submit" />}
    >
      <form id={formId} className="stack kpi-form" onSubmit={submit} noValidate>
        <FormField label={t('kpi.dash.title')} required error={errors.title}>
          <Input value={f.title} maxLength={200} onChange={(e) => set('title', e.target.value)} data-testid="dashboard-title" autoComplete="off" />
        </FormField>
        <FormField label={t('kpi.dash.process')} hint={t('kpi.dash.processHint')} required error={errors.process}>
          <Input value={f.process} maxLength={60} list="kpi-process-list" onChange={(e) => set('process', e.target.value)} data-testid="dashboard-process" autoComplete="off" />
        </FormField>
        <datalist id="kpi-process-list">
          {['Production', 'Logistique', 'Accueil', 'Billetterie', 'Technique', 'Administration'].map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <FormField label={t('kpi.dash.description')} optional>
          <Textarea value={f.description} maxLength={5000} rows={3} onChange={(e) => set('description', e.target.value)} data-testid="dashboard-description" />
        </FormField>
        <FormField label={t('kpi.dash.sharing')}>
          <Select value={f.sharing} onChange={(e) => set('sharing', e.target.value as DashboardSharing)} data-testid="dashboard-sharing">
            {DASHBOARD_SHARINGS.map((s) => (
              <option key={s} value={s}>
                {enumLabel(t, 'dashboardSharing', s)}
              </option>
            ))}
          </Select>
        </FormField>
        {f.sharing === 'TEAMS' && (
          <fieldset className="kpi-checks">
            <legend>{t('kpi.dash.teams')}</legend>
            {teams.length === 0 && <p className="muted">{t('kpi.dash.noTeams')}</p>}
            {teams.map((team) => (
              <label key={team.id} className="kpi-check">
                <input
                  type="checkbox"
                  checked={f.teamIds.includes(team.id)}
                  onChange={(e) => set('teamIds', e.target.checked ? [...f.teamIds, team.id] : f.teamIds.filter((x) => x !== team.id))}
                />
                {team.name}
              </label>
            ))}
          </fieldset>
        )}
        <FormField label={t('kpi.dash.owner')}>
          <Select value={f.ownerUserId ?? ''} onChange={(e) => set('ownerUserId', e.target.value || null)} data-testid="dashboard-owner">
            <option value="">{t('kpi.noOwner')}</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {personName(u)}
              </option>
            ))}
          </Select>
        </FormField>
        {errors.save && (
          <p className="alert alert--error" role="alert">
            {errors.save}
          </p>
        )}
      </form>
    </Sheet>
  );
}
