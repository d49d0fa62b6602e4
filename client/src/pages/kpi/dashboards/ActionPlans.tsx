import { actionOverdue } from '@coulisses/shared';
import { useState } from 'react';
import type { ActionDoc, CommentDoc } from '../../../data/kpi/types';
import type { KpiWrites } from '../../../data/kpi/useKpiWrites';
import { personName, type UserDoc } from '../../../data/types';
import { enumLabel } from '../../../i18n/enum-label';
import { formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { Button, Chip, EmptyState, IconPlus, useToast } from '../../../ui';
import { RowMenu, type RowAction } from '../../../components/RowMenu';
import { ActionForm, actionFieldsOf } from './ActionForm';
import { Comments } from './Comments';


const STATUS_TONES = { OPEN: 'info', IN_PROGRESS: 'warning', DONE: 'success', CANCELLED: 'neutral' } as const;

/** The action plans of a KPI: progress, status, owner, due date (overdue in red and in words), their comments. */
export function ActionPlans({ kpiId, actions, comments, people, myUserId, today, canEdit, writes }: { kpiId: string; actions: readonly ActionDoc[]; comments: readonly CommentDoc[]; people: readonly UserDoc[]; myUserId: string | null; today: string; canEdit: boolean; writes: KpiWrites | null }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const byId = new Map(people.map((u) => [u.id, u]));
  const [form, setForm] = useState<{ editing: ActionDoc | null } | null>(null);
  const progressOnly = !canEdit;
  return (
    <section className="stack kpi-section" aria-labelledby="kpi-actions-title" data-testid="kpi-actions">
      <div className="kpi-toolbar">
        <h2 id="kpi-actions-title" className="kpi-toolbar__title">
          {t('kpi.action.listTitle')}
        </h2>
        {canEdit && (
          <Button size="sm" variant="secondary" icon={IconPlus} onClick={() => setForm({ editing: null })} disabled={!writes} data-testid="kpi-action-new">
            {t('kpi.action.new')}
          </Button>
        )}
      </div>
      {actions.length === 0 ? (
        <EmptyState compact headingLevel={3} title={t('kpi.action.none')} />
      ) : (
        <ul className="kpi-actions">
          {actions.map((a) => {
            const overdue = actionOverdue(a, today);
            const mine = myUserId !== null && a.ownerUserId === myUserId;
            const menu: RowAction[] = [];
            if (canEdit || mine) menu.push({ id: 'edit', label: t('kpi.edit'), testId: `kpi-action-edit-${a.id}`, onSelect: () => setForm({ editing: a }) });
            if (canEdit) menu.push({ id: 'delete', label: t('kpi.delete'), confirm: { title: t('kpi.action.deleteTitle'), body: t('kpi.action.deleteBody', { name: a.title }) }, onSelect: () => void writes?.deleteDoc(a.id) });
            return (
              <li key={a.id} className={`kpi-action${overdue ? ' kpi-action--overdue' : ''}`} data-testid={`kpi-action-${a.id}`}>
                <div className="kpi-action__head">
                  <h3 className="kpi-action__title break">{a.title}</h3>
                  <Chip tone={STATUS_TONES[a.status]} size="sm">
                    {enumLabel(t, 'actionPlanStatus', a.status)}
                  </Chip>
                  {overdue && (
                    <Chip tone="danger" variant="solid" size="sm" data-testid={`kpi-action-overdue-${a.id}`}>
                      {t('kpi.action.overdue')}
                    </Chip>
                  )}
                  {menu.length > 0 && <RowMenu name={a.title} actions={menu} testId={`kpi-action-menu-${a.id}`} />}
                </div>
                {a.description && <p className="kpi-action__description">{a.description}</p>}
                <div className="kpi-action__progress">
                  <progress max={100} value={a.progress} aria-label={t('kpi.action.progressOf', { name: a.title })} />
                  <span>{t('kpi.action.progressValue', { value: a.progress })}</span>
                </div>
                <p className="muted kpi-action__meta">
                  {a.ownerUserId ? personName(byId.get(a.ownerUserId), t('kpi.page.someone')) : t('kpi.noOwner')}
                  {' \u00b7 '}
                  {a.dueDate ? t('kpi.action.due', { date: formatLocalDate(locale, a.dueDate) }) : t('kpi.action.noDue')}
                </p>
                <Comments kpiId={kpiId} actionPlanId={a.id} comments={comments.filter((c) => c.actionPlanId === a.id)} people={people} compact writes={writes} />
              </li>
            );
          })}
        </ul>
      )}
      {form && (
        <ActionForm
          editing={!!form.editing}
          initial={actionFieldsOf(form.editing, myUserId)}
          people={people}
          progressOnly={progressOnly}
          onClose={() => setForm(null)}
          onSave={async (f) => {
            if (!writes) return;
            if (form.editing) await writes.updateAction(form.editing.id, f, progressOnly);
            else await writes.createAction(kpiId, f);
            toast.show({ message: t('kpi.action.saved'), tone: 'success' });
          }}
        />
      )}
    </section>
  );
}
