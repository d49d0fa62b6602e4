import { useSession } from '../../auth/useSession';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';
import { OutboxPanel } from './OutboxPanel';
import { ReminderSetting } from './ReminderSetting';
import { PayReaders } from './PayReaders';
import { useAdminData } from './useAdminData';
import { Webhooks } from './Webhooks';

/** ADMIN only (the route guard sees to it): members and their roles, invitations, who reads pay, webhooks. */
export function AdminPage() {
  const t = useT();
  const { me } = useSession();
  const { members, invitations, loadError, updateRole, addInvitation, revoke } = useAdminData();

  return (
    <section className="page stack" aria-labelledby="title-admin">
      <h1 id="title-admin" data-testid="page-admin">
        {t('nav.admin')}
      </h1>
      <p className="lead">{t('sections.admin')}</p>
      <ErrorMessage error={loadError} testId="admin-error" />
      <div className="card">
        <InviteForm onInvited={addInvitation} />
      </div>
      <div className="card">
        {invitations ? <InvitationsList invitations={invitations} onRevoke={revoke} /> : !loadError && <LoadingScreen />}
      </div>
      <div className="card">
        <h2>{t('admin.members.title')}</h2>
        {members ? (
          <MembersTable members={members} selfAccountId={me?.account.id ?? ''} onRoleChange={updateRole} />
        ) : (
          !loadError && <LoadingScreen />
        )}
      </div>
      {members && (
        <div className="card">
          <PayReaders members={members} />
        </div>
      )}
      <div className="card">
        <ReminderSetting />
      </div>
      <div className="card">
        <OutboxPanel />
      </div>
      <div className="card">
        <Webhooks />
      </div>
    </section>
  );
}
