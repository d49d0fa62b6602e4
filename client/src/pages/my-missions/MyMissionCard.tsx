import { useState } from 'react';
import { formatInZone } from '../../i18n/format';
import { useI18n } from '../../i18n/useT';
import type { AssignmentDoc, MissionDoc, ReferenceDoc } from '../../data/types';
import { StatusBadge } from '../../components/StatusBadge';
import { DeclineForm } from './DeclineForm';
import { MissionFacts } from './MissionFacts';

/** One of my missions: when and where, my answer, Accept / Decline (with a reason), the details on demand. */
export function MyMissionCard({ a, m, venue, tz, pending, refused, onAnswer }: { a: AssignmentDoc; m: MissionDoc; venue: ReferenceDoc | undefined; tz: string; pending: boolean; refused: string | null; onAnswer: ((status: 'ACCEPTED' | 'DECLINED', reason?: string) => void) | null }) {
  const { t, locale } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [open, setOpen] = useState(false);
  const answerable = onAnswer !== null && a.status !== 'CANCELLED' && m.status !== 'CANCELLED';
  return (
    <article className="my-card" data-testid={`my-mission-${a.id}`} data-mission-id={m.id} data-status={a.status}>
      <header className="my-card__head">
        <h3 className="break">{m.title}</h3>
        <StatusBadge group="assignment" status={a.status} testId={`my-status-${a.id}`} />
      </header>
      <p className="my-card__when">
        {formatInZone(locale, m.startAt, tz)} - {formatInZone(locale, m.endAt, tz, 'time')}
        {venue && <span className="muted"> - {venue.name}</span>}
      </p>
      {m.status === 'CANCELLED' && <p className="alert alert--warning">{t('myMissions.missionCancelled')}</p>}
      {a.role && <p className="muted">{t('myMissions.role', { role: a.role })}</p>}
      {a.declineReason && a.status === 'DECLINED' && <p className="muted">{t('planAssign.reason', { reason: a.declineReason })}</p>}
      {pending && (
        <p className="hint" data-testid={`my-pending-${a.id}`}>
          {t('myMissions.pendingSync')}
        </p>
      )}
      {refused && (
        <p className="alert alert--error" role="alert" data-testid={`my-refused-${a.id}`}>
          {refused}
        </p>
      )}
      {answerable && !declining && (
        <div className="my-actions">
          {a.status !== 'ACCEPTED' && (
            <button type="button" className="button button--primary button--big" data-testid={`my-accept-${a.id}`} onClick={() => onAnswer('ACCEPTED')}>
              {t('myMissions.accept')}
            </button>
          )}
          {a.status !== 'DECLINED' && (
            <button type="button" className="button button--danger button--big" data-testid={`my-decline-${a.id}`} onClick={() => setDeclining(true)}>
              {t('myMissions.decline')}
            </button>
          )}
        </div>
      )}
      {answerable && declining && (
        <DeclineForm
          id={a.id}
          onConfirm={(reason) => {
            onAnswer('DECLINED', reason);
            setDeclining(false);
          }}
          onCancel={() => setDeclining(false)}
        />
      )}
      <button type="button" className="button button--ghost button--big" aria-expanded={open} data-testid={`my-details-${a.id}`} onClick={() => setOpen((o) => !o)}>
        {open ? t('myMissions.hideDetails') : t('myMissions.showDetails')}
      </button>
      {open && <MissionFacts m={m} venue={venue} tz={tz} testId={`my-facts-${a.id}`} />}
    </article>
  );
}
