import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/useT';
import type { MissionInvitationView } from './mission-invitation-api';
import type { Answer } from './useMissionInvitation';

/**
 * Accept, or decline with an optional reason. A cancelled assignment cannot be answered. The email's decline link
 * (?answer=decline) opens the page on the reason field.
 */
export function InvitationAnswer({ view, busy, onAnswer }: { view: MissionInvitationView; busy: boolean; onAnswer: (status: Answer, reason?: string) => void }) {
  const t = useT();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [params] = useSearchParams();
  const status = view.assignment.status;
  if (status === 'CANCELLED') {
    return (
      <p className="alert alert--warning" data-testid="mi-cancelled">
        {t('errors.ASSIGNMENT_CANCELLED')}
      </p>
    );
  }
  return (
    <div className="stack">
      {status !== 'ACCEPTED' && (
        <button type="button" className="button button--primary button--block button--big" data-testid="mi-accept" disabled={busy} onClick={() => onAnswer('ACCEPTED')}>
          {t('myMissions.accept')}
        </button>
      )}
      {status !== 'DECLINED' && (
        <div className="stack">
          <label className="field__label" htmlFor={reasonId}>
            {t('myMissions.reason')}
          </label>
          <textarea id={reasonId} autoFocus={params.get('answer') === 'decline'} className="field__input" rows={2} maxLength={500} data-testid="mi-decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="button button--danger button--block button--big" data-testid="mi-decline" disabled={busy} onClick={() => onAnswer('DECLINED', reason)}>
            {t('myMissions.decline')}
          </button>
        </div>
      )}
    </div>
  );
}
