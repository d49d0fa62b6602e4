import { Link, useParams } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout';
import { landingPath } from '../../app/routing';
import { useSession } from '../../auth/useSession';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingScreen } from '../../ui/LoadingScreen';
import '../my-missions/my-missions.css';
import '../planning/missions/missions.css';
import { InvitationAnswer } from './InvitationAnswer';
import { InvitationDetails } from './InvitationDetails';
import { tokenFromPath } from '../../lib/invitation-link';
import { useMissionInvitation } from './useMissionInvitation';

/** /m/:token, public (no session needed): the mission of an invitation link, accepted or declined here. */
export function MissionInvitationPage() {
  const t = useT();
  const { token: segment = '' } = useParams();
  const token = tokenFromPath(segment);
  const { me } = useSession();
  const inv = useMissionInvitation(token);

  let body;
  if (inv.loadError) body = <ErrorMessage error={inv.loadError} testId="mi-error" />;
  else if (!inv.view) body = <LoadingScreen />;
  else
    body = (
      <>
        <p className="lead">{t('missionInvite.intro', { org: inv.view.org.name })}</p>
        <InvitationDetails view={inv.view} />
        {inv.view.mission?.status === 'CANCELLED' && (
          <p className="alert alert--warning" data-testid="mi-mission-cancelled">
            {t('myMissions.missionCancelled')}
          </p>
        )}
        {inv.answered && (
          <p className="alert alert--success" role="status" data-testid="mi-result" data-answer={inv.answered.status} data-already={inv.answered.already}>
            {t(`missionInvite.${inv.answered.already ? 'already' : 'done'}.${inv.answered.status}`)}
          </p>
        )}
        {!inv.answered && (inv.view.assignment.status === 'ACCEPTED' || inv.view.assignment.status === 'DECLINED') && (
          <p className="alert alert--success" data-testid="mi-current" data-answer={inv.view.assignment.status}>
            {t(`missionInvite.already.${inv.view.assignment.status}`)}
          </p>
        )}
        <ErrorMessage error={inv.answerError} testId="mi-answer-error" />
        <InvitationAnswer view={inv.view} busy={inv.busy} onAnswer={(status, reason) => void inv.answer(status, reason)} />
      </>
    );

  return (
    <PublicLayout>
      <section className="card card--narrow stack" data-testid="page-mission-invitation" aria-labelledby="mi-heading">
        <h1 id="mi-heading">{t('missionInvite.title')}</h1>
        {body}
        {me && (
          <p>
            <Link to={landingPath(me)}>{t('invite.openApp')}</Link>
          </p>
        )}
      </section>
    </PublicLayout>
  );
}
