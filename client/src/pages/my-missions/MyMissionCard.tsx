import { useId, useState } from 'react';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import type { AssignmentDoc, MissionDoc, ReferenceDoc } from '../../data/types';
import { StatusBadge } from '../../components/StatusBadge';
import { Chip } from '../../ui/Chip';
import { IconChevronDown, IconUpload } from '../../ui/icons';
import { ReportIncidentButton } from '../../components/equipment/ReportIncidentButton';
import { DeclineForm } from './DeclineForm';
import { MissionFacts } from './MissionFacts';
import { endsNextDay } from './today-mission';

/**
 * One of my missions: when and where, my answer, Accept / Decline (with a reason). The title row is the one tap
 * target that shows or hides the details; a long title wraps between words and is clamped while folded.
 */
export function MyMissionCard({ a, m, venue, tz, pending, refused, onAnswer }: { a: AssignmentDoc; m: MissionDoc; venue: ReferenceDoc | undefined; tz: string; pending: boolean; refused: string | null; onAnswer: ((status: 'ACCEPTED' | 'DECLINED', reason?: string) => void) | null }) {
  const { t, locale } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [open, setOpen] = useState(false);
  const factsId = useId();
  const answerable = onAnswer !== null && a.status !== 'CANCELLED' && m.status !== 'CANCELLED';
  return (
    <article className={open ? 'my-card is-open' : 'my-card'} data-testid={`my-mission-${a.id}`} data-mission-id={m.id} data-status={a.status}>
      <div className="my-card__head">
        <h3 className="my-card__title">
          <button
            type="button"
            className="my-card__toggle"
            aria-expanded={open}
            aria-controls={factsId}
            data-testid={`my-details-${a.id}`}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="my-card__title-text">{m.title}</span>
            <span className="my-card__when">
              {formatInZone(locale, m.startAt, tz)} - {formatInZone(locale, m.endAt, tz, 'time')}
              {endsNextDay(m.startAt, m.endAt, tz) && ` ${t('myMissions.endsNextDay')}`}
              {venue && <span className="muted"> - {venue.name}</span>}
            </span>
            <span className="visually-hidden">{open ? t('myMissions.hideDetails') : t('myMissions.showDetails')}</span>
            <IconChevronDown size={20} className="my-card__chevron" />
          </button>
        </h3>
        <div className="my-card__tags">
          <StatusBadge group="assignment" status={a.status} testId={`my-status-${a.id}`} />
          {pending && (
            <Chip size="sm" tone="warning" icon={IconUpload} data-testid={`my-pending-${a.id}`} title={t('myMissions.pendingSync')}>
              {t('myMissions.notSent')}
            </Chip>
          )}
          {a.role && <span className="muted">{t('myMissions.role', { role: a.role })}</span>}
        </div>
      </div>
      {m.status === 'CANCELLED' && <p className="alert alert--warning">{t('myMissions.missionCancelled')}</p>}
      {a.declineReason && a.status === 'DECLINED' && <p className="muted my-card__line">{t('planAssign.reason', { reason: a.declineReason })}</p>}
      {refused && (
        <p className="alert alert--error" role="alert" data-testid={`my-refused-${a.id}`}>
          {refused}
        </p>
      )}
      {answerable && !declining && (
        <div className="my-actions">
          {a.status !== 'ACCEPTED' && (
            <button type="button" className="button button--primary my-actions__button" data-testid={`my-accept-${a.id}`} onClick={() => onAnswer('ACCEPTED')}>
              {t('myMissions.accept')}
            </button>
          )}
          {a.status !== 'DECLINED' && (
            <button type="button" className="button button--danger my-actions__button" data-testid={`my-decline-${a.id}`} onClick={() => setDeclining(true)}>
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
      <div id={factsId} hidden={!open}>
        {open && <MissionFacts m={m} venue={venue} tz={tz} testId={`my-facts-${a.id}`} />}
        {open && a.status === 'ACCEPTED' && m.status !== 'CANCELLED' && <ReportIncidentButton userId={a.userId} missionId={m.id} venueId={m.venueId} testId={`my-incident-${a.id}`} />}
      </div>
    </article>
  );
}
