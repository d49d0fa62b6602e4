import { useT } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { byId, useAvailabilities, useUsers } from '../../../data/queries';
import { personName, type AvailabilityDoc } from '../../../data/types';
import { useLocalWrites } from '../../../data/useLocalWrites';
import { useOrgContext } from '../../../data/org/useOrgContext';
import '../missions/missions.css';
import { StatusBadge } from '../../../components/StatusBadge';
import { AvailabilityWhen } from '../../../components/AvailabilityWhen';
import { enumLabel } from '../../../i18n/enum-label';

const RECENT = 30;

/** Availability (ADMIN, MANAGER): approve or reject the crew's PENDING declarations; the latest decisions below. */
export function AvailabilityApprovalsPage() {
  const t = useT();
  const { tz, settings } = useOrgContext();
  const { docs, loading } = useAvailabilities();
  const people = byId(useUsers().docs);
  const writes = useLocalWrites();
  const pending = docs.filter((a) => a.status === 'PENDING');
  const decided = docs.filter((a) => a.status !== 'PENDING').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, RECENT);
  const nameOf = (a: AvailabilityDoc) => {
    const u = people.get(a.userId);
    return u ? personName(u) : t('planAssign.unknownPerson');
  };
  const decide = (a: AvailabilityDoc, status: 'APPROVED' | 'REJECTED') => void writes?.patch('availabilities', a.id, { status });

  if (loading) return <LoadingScreen />;
  return (
    <div className="stack page-room" data-testid="planning-availability">
      <p className="lead">{t('planApprovals.intro')}</p>
      <p className="hint" data-testid="approvals-setting">
        {settings.availabilityApproval ? t('planApprovals.required') : t('planApprovals.notRequired')}
      </p>
      <div className="card stack">
        <h2>{t('planApprovals.pendingTitle', { count: pending.length })}</h2>
        {pending.length === 0 && <p className="muted">{t('planApprovals.nonePending')}</p>}
        <ul className="list" data-testid="approvals-pending">
          {pending.map((a) => (
            <li key={a.id} className="list__item" data-testid={`approval-row-${a.id}`}>
              <div className="list__main">
                <strong>{nameOf(a)}</strong>
                <span>
                  {enumLabel(t, 'availabilityKind', a.kind)} - <AvailabilityWhen a={a} tz={tz} />
                </span>
                {a.note && <span className="muted">{a.note}</span>}
              </div>
              <div className="row-actions">
                <button type="button" className="button button--primary button--small" data-testid={`approval-approve-${a.id}`} disabled={!writes} onClick={() => decide(a, 'APPROVED')}>
                  {t('planApprovals.approve')}
                </button>
                <button type="button" className="button button--danger button--small" data-testid={`approval-reject-${a.id}`} disabled={!writes} onClick={() => decide(a, 'REJECTED')}>
                  {t('planApprovals.reject')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div className="card stack">
        <h2>{t('planApprovals.recentTitle')}</h2>
        {decided.length === 0 && <p className="muted">{t('planApprovals.noneDecided')}</p>}
        <ul className="list" data-testid="approvals-decided">
          {decided.map((a) => (
            <li key={a.id} className="list__item" data-testid={`approval-decided-${a.id}`}>
              <div className="list__main">
                <strong>{nameOf(a)}</strong>
                <span>
                  {enumLabel(t, 'availabilityKind', a.kind)} - <AvailabilityWhen a={a} tz={tz} />
                </span>
              </div>
              <StatusBadge group="availability" status={a.status} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
