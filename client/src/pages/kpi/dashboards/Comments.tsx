import { useState, type FormEvent } from 'react';
import type { CommentDoc } from '../../../data/kpi/types';
import type { KpiWrites } from '../../../data/kpi/useKpiWrites';
import { useMyUser } from '../../../data/org/useMyUser';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { personName, type UserDoc } from '../../../data/types';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { Button, Textarea } from '../../../ui';
import { RowMenu, type RowAction } from '../../../components/RowMenu';

/**
 * Comments on a KPI (actionPlanId null) or on one action: author and time in the organisation's zone; the author
 * edits or deletes their own, a planner may delete any. Everyone who reads the KPI may comment.
 */
export function Comments({ kpiId, actionPlanId, comments, people, compact = false, writes }: { kpiId: string; actionPlanId: string | null; comments: readonly CommentDoc[]; people: readonly UserDoc[]; compact?: boolean; writes: KpiWrites | null }) {
  const { t, locale } = useI18n();
  const { tz, accountId, isPlanner } = useOrgContext();
  const { user } = useMyUser();
  const byAccount = new Map(people.filter((u) => u.accountId).map((u) => [u.accountId as string, u]));
  const byId = new Map(people.map((u) => [u.id, u]));
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scope = actionPlanId ?? 'kpi';
  const author = (c: CommentDoc) => personName((c.authorUserId ? byId.get(c.authorUserId) : undefined) ?? (c.authorAccountId ? byAccount.get(c.authorAccountId) : undefined), t('kpi.page.someone'));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim() || !writes) return;
    try {
      await writes.addComment(kpiId, actionPlanId, draft, user?.id ?? null);
      setDraft('');
      setError(null);
    } catch (caught) {
      setError(t('kpi.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || !editing.body.trim() || !writes) return;
    await writes.editComment(editing.id, editing.body);
    setEditing(null);
  };

  const list = (
    <ul className="kpi-comments__list">
      {comments.map((c) => {
        const own = accountId !== null && c.authorAccountId === accountId;
        const menu: RowAction[] = [];
        if (own) menu.push({ id: 'edit', label: t('kpi.edit'), onSelect: () => setEditing({ id: c.id, body: c.body }) });
        if (own || isPlanner) menu.push({ id: 'delete', label: t('kpi.delete'), confirm: { title: t('kpi.comment.deleteTitle'), body: t('kpi.comment.deleteBody') }, onSelect: () => void writes?.deleteDoc(c.id) });
        return (
          <li key={c.id} className="kpi-comment" data-testid={`kpi-comment-${c.id}`}>
            <div className="kpi-comment__head">
              <span className="kpi-comment__author">{author(c)}</span>
              <time className="muted" dateTime={c.createdAt}>
                {formatInZone(locale, c.createdAt, tz, 'short')}
              </time>
              {menu.length > 0 && <RowMenu name={t('kpi.comment.of', { name: author(c) })} actions={menu} />}
            </div>
            {editing?.id === c.id ? (
              <form className="stack kpi-comment__edit" onSubmit={save}>
                <Textarea aria-label={t('kpi.comment.edit')} value={editing.body} maxLength={2000} rows={2} onChange={(e) => setEditing({ id: c.id, body: e.target.value })} />
                <div className="kpi-inline-actions">
                  <Button size="sm" type="submit">
                    {t('kpi.save')}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                    {t('kpi.cancel')}
                  </Button>
                </div>
              </form>
            ) : (
              <p className="kpi-comment__body">{c.body}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
  const form = (
    <form className="kpi-comments__form" onSubmit={add}>
      <Textarea aria-label={actionPlanId ? t('kpi.comment.onAction') : t('kpi.comment.onKpi')} placeholder={t('kpi.comment.placeholder')} value={draft} maxLength={2000} rows={compact ? 1 : 2} onChange={(e) => setDraft(e.target.value)} data-testid={`kpi-comment-input-${scope}`} />
      <Button size="sm" type="submit" variant="secondary" disabled={!draft.trim() || !writes} data-testid={`kpi-comment-add-${scope}`}>
        {t('kpi.comment.add')}
      </Button>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
  if (compact) {
    return (
      <details className="kpi-comments kpi-comments--compact">
        <summary>{t('kpi.comment.count', { count: comments.length })}</summary>
        {list}
        {form}
      </details>
    );
  }
  return (
    <section className="stack kpi-section kpi-comments" aria-labelledby="kpi-comments-title" data-testid="kpi-comments">
      <h2 id="kpi-comments-title" className="kpi-toolbar__title">
        {t('kpi.comment.listTitle')}
      </h2>
      {comments.length === 0 && <p className="muted">{t('kpi.comment.none')}</p>}
      {list}
      {form}
    </section>
  );
}
