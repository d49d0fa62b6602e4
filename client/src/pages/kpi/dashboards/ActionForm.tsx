import { useState, type FormEvent } from 'react';
import { ACTION_STATUSES, type ActionDoc, type ActionStatus } from '../../../data/kpi/types';
import type { ActionFields } from '../../../data/kpi/writes';
import { personName, type UserDoc } from '../../../data/types';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { FormField, Input, Select, Sheet, SheetFormFooter, Textarea } from '../../../ui';

export function actionFieldsOf(a: ActionDoc | null, ownerUserId: string | null): ActionFields {
  return a
    ? { title: a.title, description: a.description ?? '', ownerUserId: a.ownerUserId, dueDate: a.dueDate, progress: a.progress, status: a.status }
    : { title: '', description: '', ownerUserId, dueDate: null, progress: 0, status: 'OPEN' };
}

/** Creates or edits an action plan; `progressOnly` (the owner without planner rights) changes progress and status. */
export function ActionForm({ editing, initial, people, progressOnly = false, onClose, onSave }: { editing: boolean; initial: ActionFields; people: readonly UserDoc[]; progressOnly?: boolean; onClose: () => void; onSave: (f: ActionFields) => Promise<void> }) {
  const t = useT();
  const [f, setF] = useState<ActionFields>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ActionFields>(k: K, v: ActionFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!f.title.trim()) {
      setError(t('kpi.action.titleRequired'));
      return;
    }
    setBusy(true);
    try {
      await onSave(f);
      onClose();
    } catch (caught) {
      setError(t('kpi.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  const formId = 'kpi-action-form';
  return (
    <Sheet
      open
      onClose={onClose}
      title={editing ? t('kpi.action.editTitle') : t('kpi.action.newTitle')}
      testId="kpi-action-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={editing ? t('kpi.save') : t('kpi.create')} submitTestId="kpi-action-submit" />}
    >
      <form id={formId} className="stack kpi-form" onSubmit={submit} noValidate>
        <FormField label={t('kpi.action.title')} required error={error ?? undefined}>
          <Input value={f.title} maxLength={200} disabled={progressOnly} onChange={(e) => set('title', e.target.value)} data-testid="kpi-action-title" autoComplete="off" />
        </FormField>
        {!progressOnly && (
          <>
            <FormField label={t('kpi.action.description')} optional>
              <Textarea value={f.description} rows={3} maxLength={5000} onChange={(e) => set('description', e.target.value)} />
            </FormField>
            <div className="kpi-form__row">
              <FormField label={t('kpi.action.owner')}>
                <Select value={f.ownerUserId ?? ''} onChange={(e) => set('ownerUserId', e.target.value || null)} data-testid="kpi-action-owner">
                  <option value="">{t('kpi.noOwner')}</option>
                  {people.map((u) => (
                    <option key={u.id} value={u.id}>
                      {personName(u)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t('kpi.action.dueDate')}>
                <Input type="date" value={f.dueDate ?? ''} onChange={(e) => set('dueDate', e.target.value || null)} data-testid="kpi-action-due" />
              </FormField>
            </div>
          </>
        )}
        <div className="kpi-form__row">
          <FormField label={t('kpi.action.progressValue', { value: f.progress })}>
            <Input type="range" min={0} max={100} step={5} value={f.progress} onChange={(e) => set('progress', Number(e.target.value))} data-testid="kpi-action-progress" />
          </FormField>
          <FormField label={t('kpi.action.status')}>
            <Select value={f.status} onChange={(e) => set('status', e.target.value as ActionStatus)} data-testid="kpi-action-status">
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {enumLabel(t, 'actionPlanStatus', s)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
      </form>
    </Sheet>
  );
}
