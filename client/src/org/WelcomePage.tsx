import { Navigate } from 'react-router';
import { PublicLayout } from '../app/PublicLayout';
import { landingPath } from '../app/routing';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { CreateOrgForm } from './CreateOrgForm';
import { OrgChooser } from './OrgChooser';

/** For an account without an active organisation: pick one, create one, or wait for an invitation. */
export function WelcomePage() {
  const t = useT();
  const { me } = useSession();
  if (!me) return null;
  if (me.activeOrg && me.role) return <Navigate to={landingPath(me)} replace />;
  return (
    <PublicLayout>
      <section className="card card--narrow stack" data-testid="page-welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t('org.welcome.title', { name: me.account.name })}</h1>
        <p className="lead">{me.orgs.length > 0 ? t('org.welcome.chooseIntro') : t('org.welcome.intro')}</p>
        <OrgChooser />
        <CreateOrgForm />
        <p className="note" data-testid="invite-note">
          {t('org.welcome.inviteNote')}
        </p>
      </section>
    </PublicLayout>
  );
}
